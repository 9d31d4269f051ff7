package dev.hitter.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.features.lyrics.LyricsSpec;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.trainer.data.MelSource;
import dev.hitter.trainer.data.Song;
import dev.hitter.trainer.data.SplitRecord;
import dev.hitter.trainer.data.SplitStrategy;
import dev.hitter.trainer.data.TrainingSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains (one short epoch) on songs of known structure — 24 artists of 4 songs, duets joining pairs of artists,
 * release dates with ties, some songs undated — with the artist-grouped and the time-based split, and reads back
 * what the version folder records: no artist in two splits, no training song newer than a held-out one.
 */
class SplitTrainingTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void artistSplitKeepsEveryArtistInOneSplit(@TempDir Path root) throws Exception {
		List<Song> songs = catalogue();
		Recorded recorded = train(songs, SplitStrategy.ARTIST, root);

		assertThat(recorded.splits().path("strategy").asString()).isEqualTo("artist");
		assertThat(recorded.card().trainingData().split().method()).startsWith("artist: grouped by artist");
		Map<String, Song> byId = byId(songs);
		Map<String, Set<String>> splitsOfArtist = new HashMap<>();
		int assigned = 0;
		for (String split : List.of("train", "validation", "test")) {
			for (JsonNode id : recorded.splits().path("splits").path(split).path("ids")) {
				assigned++;
				for (String artist : byId.get(id.asString()).artists()) {
					splitsOfArtist.computeIfAbsent(artist, a -> new HashSet<>()).add(split);
				}
			}
		}
		assertThat(assigned).isEqualTo(songs.size());
		assertThat(splitsOfArtist).hasSize(24).allSatisfy((artist, splits) -> assertThat(splits).hasSize(1));
		assertThat(splitsOfArtist.values().stream().flatMap(Set::stream).distinct()).hasSize(3);
		assertThat(recorded.splits().path("dataset").path("fingerprint").asString())
			.isEqualTo("sha256:" + SplitRecord.fingerprint(songs));
	}

	@Test
	void timeSplitTrainsOnlyOnSongsOlderThanEveryHeldOutOne(@TempDir Path root) throws Exception {
		List<Song> songs = catalogue();
		Recorded recorded = train(songs, SplitStrategy.TIME, root);

		assertThat(recorded.splits().path("strategy").asString()).isEqualTo("time");
		ModelCard.Split split = recorded.card().trainingData().split();
		assertThat(split.method()).startsWith("time: by release date").contains("6 songs without a release date");
		Map<String, Song> byId = byId(songs);
		Map<String, List<LocalDate>> dates = new HashMap<>();
		for (String name : List.of("train", "validation", "test")) {
			List<LocalDate> part = new ArrayList<>();
			recorded.splits().path("splits").path(name).path("ids")
				.forEach(id -> part.add(byId.get(id.asString()).released()));
			dates.put(name, part);
		}
		assertThat(dates.values()).allSatisfy(part -> assertThat(part).isNotEmpty().doesNotContainNull());
		LocalDate newestTrain = dates.get("train").stream().max(Comparator.naturalOrder()).orElseThrow();
		LocalDate oldestValidation = dates.get("validation").stream().min(Comparator.naturalOrder()).orElseThrow();
		LocalDate newestValidation = dates.get("validation").stream().max(Comparator.naturalOrder()).orElseThrow();
		LocalDate oldestTest = dates.get("test").stream().min(Comparator.naturalOrder()).orElseThrow();
		assertThat(newestTrain).isBefore(oldestValidation);
		assertThat(newestValidation).isBefore(oldestTest);
		assertThat(recorded.splits().path("leftOut").path("ids")).hasSize(6);
		assertThat(split.train() + split.validation() + split.test()).isEqualTo(songs.size() - 6);
		assertThat(recorded.card().trainingData().examples()).isEqualTo(songs.size() - 6);
	}

	private record Recorded(JsonNode splits, ModelCard card) {
	}

	private static Recorded train(List<Song> songs, SplitStrategy strategy, Path root) throws Exception {
		ModelSetLayout layout = new ModelSetLayout(root);
		TrainingSet set = new TrainingSet(Genre.DANCE, songs, "manifest", songs.size() + " generated songs",
				"bright high bands are hits", false).withSplitStrategy(strategy);
		TrainingSettings settings = TrainingSettings.defaults().withEpochs(1).withPatience(1).withSeed(5)
			.withLyricsSpec(new LyricsSpec("lyrics-test-16", 16, 20_000, true, true));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TrainedVersion version = new GenreTrainer(settings, new PrintStream(out, true, StandardCharsets.UTF_8))
			.train(set, layout);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("(" + strategy.id() + " split)");
		JsonNode splits = JSON.readTree(version.folder().resolve(SplitRecord.FILE).toFile());
		return new Recorded(splits, ModelFiles.readCard(layout.card(version.folder(), ModelKind.AUDIO)));
	}

	/**
	 * 96 songs of 24 artists (4 each; songs 3, 7, 11, … are duets with the next artist, so artists pair up into
	 * groups), two songs a day from 2012 (ties at every cut), every third song a hit with brighter high bands, and
	 * 6 songs without an artist or a date.
	 */
	static List<Song> catalogue() {
		SplittableRandom random = new SplittableRandom(3);
		List<Song> songs = new ArrayList<>();
		for (int i = 0; i < 102; i++) {
			boolean hit = i % 3 == 0;
			float[] mel = new float[MelSource.FRAMES * MelSource.BANDS];
			for (int cell = 0; cell < mel.length; cell++) {
				mel[cell] = (float) (random.nextDouble() + (hit && cell % MelSource.BANDS > 30 ? 1.5 : 0));
			}
			List<String> artists = new ArrayList<>();
			LocalDate released = null;
			if (i < 96) {
				int artist = i / 4;
				artists.add("artist " + artist);
				if (i % 8 == 3) {
					artists.add("artist " + (artist + 1));
				}
				released = LocalDate.of(2012, 1, 1).plusDays((i * 37 % 96) / 2);
			}
			songs.add(new Song("song" + i, Genre.DANCE, hit, MelSource.inMemory(mel), null, null, artists, released));
		}
		return songs;
	}

	private static Map<String, Song> byId(List<Song> songs) {
		Map<String, Song> out = new HashMap<>();
		songs.forEach(song -> out.put(song.id(), song));
		return out;
	}
}
