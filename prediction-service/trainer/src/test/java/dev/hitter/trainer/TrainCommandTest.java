package dev.hitter.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyArray;
import dev.hitter.models.Combination;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;

class TrainCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return TrainCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void noArgumentsPrintsUsageWithStatusTwo() {
		assertThat(run()).isEqualTo(2);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: ./hitter train");
	}

	@Test
	void misspelledOptionIsAUsageError(@TempDir Path dir) {
		assertThat(run("demo", "--out", dir.toString(), "--epoch", "3")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --epoch");
	}

	@Test
	void unknownGenreIsAUsageError(@TempDir Path dir) {
		assertThat(run("demo", "--out", dir.toString(), "--genres", "JAZZ")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--genres takes POP, BALLAD and DANCE");
	}

	@Test
	void unknownSplitStrategyIsAUsageError(@TempDir Path dir) {
		assertThat(run("demo", "--out", dir.toString(), "--split", "genre")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--split takes random, artist or time, not 'genre'");
	}

	@Test
	void demoCommandWritesACompleteDemonstrationVersion(@TempDir Path dir) throws Exception {
		int status = run("demo", "--out", dir.toString(), "--genres", "DANCE", "--examples", "60", "--epochs", "2",
				"--lyrics-length", "32", "--seed", "3");
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		ModelSetLayout layout = new ModelSetLayout(dir);
		Path version = layout.latest(Genre.DANCE).orElseThrow();
		ModelCard lyrics = ModelFiles.readCard(layout.card(version, ModelKind.LYRICS));
		assertThat(lyrics.featureSpec().id()).isEqualTo("lyrics-v1-len32");
		assertThat(lyrics.notice()).isEqualTo(ModelCard.DEMONSTRATION_NOTICE);
		assertThat(Files.exists(layout.model(version, ModelKind.AUDIO).resolve("parity"))).isFalse();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("DANCE audio epoch 2/2", "combined test AUC",
				"(random split)");
		assertThat(Files.readString(version.resolve("splits.json"))).contains("\"strategy\":\"random\"");
	}

	@Test
	void manifestWithoutLyricsGivesAnAudioOnlySetWithAConstantLyricsModel(@TempDir Path dir) throws Exception {
		SplittableRandom random = new SplittableRandom(4);
		StringBuilder manifest = new StringBuilder("id,genre,label,mel\n");
		Files.createDirectories(dir.resolve("mels"));
		for (int i = 0; i < 60; i++) {
			boolean hit = i % 3 == 0;
			float[] values = new float[48 * 1876];
			for (int band = 0; band < 48; band++) {
				for (int frame = 0; frame < 1876; frame++) {
					values[band * 1876 + frame] = (float) (random.nextDouble() + (hit && band > 30 ? 1.5 : 0));
				}
			}
			Npy.writeFloats(dir.resolve("mels/" + i + ".npy"), NpyArray.ofFloats(values, 48, 1876));
			manifest.append("s").append(i).append(",BALLAD,").append(hit ? 1 : 0).append(",mels/").append(i)
				.append(".npy\n");
		}
		manifest.append("broken,BALLAD,1\n");
		Files.writeString(dir.resolve("songs.csv"), manifest);
		int status = run("manifest", "--manifest", dir.resolve("songs.csv").toString(), "--out",
				dir.resolve("models").toString(), "--genres", "BALLAD", "--epochs", "3", "--lyrics-length", "16");
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("songs.csv line 62:");
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("60 songs read, 1 rows skipped");
		ModelSetLayout layout = new ModelSetLayout(dir.resolve("models"));
		Path version = layout.latest(Genre.BALLAD).orElseThrow();
		ModelCard lyrics = ModelFiles.readCard(layout.card(version, ModelKind.LYRICS));
		assertThat(lyrics.demonstration()).isFalse();
		assertThat(lyrics.epochs()).isZero();
		assertThat(lyrics.validation()).isNull();
		assertThat(lyrics.notice()).contains("not trained");
		assertThat(lyrics.trainingData().examples()).isZero();
		Combination combination = ModelFiles.readCombination(layout.combination(version));
		assertThat(combination.lyricsWeight()).isZero();
		ModelCard audio = ModelFiles.readCard(layout.card(version, ModelKind.AUDIO));
		assertThat(audio.trainingData().source()).isEqualTo("manifest");
		assertThat(audio.test().rocAuc()).isGreaterThan(0.9);
	}

	@Test
	void melonCommandLabelsByPlaylistsAndSaysTheLyricsModelIsNotTrained(@TempDir Path dir) throws Exception {
		Path data = Files.createDirectories(dir.resolve("melon"));
		Files.writeString(data.resolve("genre_gn_all.json"), "{\"GN0900\": \"POP\"}");
		StringBuilder meta = new StringBuilder("[");
		StringBuilder liked = new StringBuilder();
		for (int id = 1; id <= 60; id++) {
			meta.append(id > 1 ? "," : "").append(String.format("{\"id\": %d, \"song_gn_gnr_basket\": [\"GN0900\"], "
					+ "\"issue_date\": \"%s%02d%02d\"}", id, id <= 30 ? "2015" : "2016", 1 + id % 12, 1 + id % 28));
			boolean hit = id % 5 == 0; // the liked playlist holds every fifth song: the top 20 % of each year
			if (hit) {
				liked.append(liked.length() > 0 ? "," : "").append(id);
			}
			dev.hitter.trainer.data.MelonDatasetTest.writeFloat16Mel(
					data.resolve("arena_mel/0/" + id + ".npy"), 1876, (short) 0x3800, hit ? (short) 0x3C00 : (short) 0);
		}
		Files.writeString(data.resolve("song_meta.json"), meta.append("]"));
		Files.writeString(data.resolve("train.json"), "[{\"id\": 1, \"songs\": [" + liked
				+ "], \"like_cnt\": 50}, {\"id\": 2, \"songs\": [1, 2, 3], \"like_cnt\": 0}]");
		int status = run("melon", "--dataset", data.toString(), "--out", dir.resolve("models").toString(), "--genres",
				"POP", "--epochs", "2", "--lyrics-length", "16", "--split", "time");
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("melon: read 60 songs and 2 playlists; bad input "
				+ "by kind: none", "(time split)");
		ModelSetLayout layout = new ModelSetLayout(dir.resolve("models"));
		Path version = layout.latest(Genre.POP).orElseThrow();
		ModelCard audio = ModelFiles.readCard(layout.card(version, ModelKind.AUDIO));
		assertThat(audio.trainingData().source()).isEqualTo("melon");
		assertThat(audio.trainingData().positives()).isEqualTo(12);
		assertThat(audio.trainingData().labelRule()).contains("top 20 %");
		assertThat(audio.trainingData().split().method()).startsWith("time: by release date");
		assertThat(audio.trainingData().description()).contains("no lyrics (Melon ships none)");
		ModelCard lyrics = ModelFiles.readCard(layout.card(version, ModelKind.LYRICS));
		assertThat(lyrics.notice()).contains("lyrics model not trained");
		assertThat(lyrics.architecture()).contains("Not trained");
		assertThat(ModelFiles.readCombination(layout.combination(version)).lyricsWeight()).isZero();
	}
}
