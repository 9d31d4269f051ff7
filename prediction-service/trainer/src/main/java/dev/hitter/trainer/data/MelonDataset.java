package dev.hitter.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.hitter.features.npy.Npy;
import dev.hitter.models.Genre;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the Melon Playlist Dataset as Kakao Arena distributes it: {@code song_meta.json} (songs with
 * {@code song_gn_gnr_basket} and {@code issue_date}), {@code genre_gn_all.json} (genre codes to names),
 * {@code train.json} (playlists with {@code songs} and {@code like_cnt}) and {@code arena_mel/<id/1000>/<id>.npy}
 * (48 × n log-mels, float16 or float32).
 *
 * <p>Genres: the first code of a song's basket that maps to one of ours decides it: {@code GN0100} 발라드 → BALLAD,
 * {@code GN0200} 댄스 → DANCE, {@code GN0900} POP → POP; every other code (랩/힙합, R&amp;B, 인디, 록, 트로트, OST, …) is
 * left out. Hit labels: a song's popularity is Σ over the playlists of {@code train.json} that contain it of
 * {@code (1 + like_cnt)}; within each genre and release year ({@code issue_date}'s first four digits; unknown years
 * form one group), the top {@code hitShare} by popularity (ties by id) are hits, {@code round(hitShare·n)} songs.
 * Songs whose mel file is missing or unreadable are skipped and counted. Melon ships no lyrics: with a lyrics folder,
 * {@code <folder>/<id>.txt} is read where it exists; without one the genre's lyrics model is not trained.
 */
public final class MelonDataset {

	public static final Map<String, Genre> GENRE_CODES = Map.of("GN0100", Genre.BALLAD, "GN0200", Genre.DANCE,
			"GN0900", Genre.POP);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path folder;

	private final Path lyricsFolder;

	private final double hitShare;

	/** What an import gave: a training set per genre that has songs, and what was skipped. */
	public record Import(Map<Genre, TrainingSet> sets, int missingMels, int corruptMels, int unmappedSongs,
			List<String> problems) {
	}

	public MelonDataset(Path folder, Path lyricsFolder, double hitShare) {
		if (!(hitShare > 0 && hitShare < 1)) {
			throw new IllegalArgumentException("hit share must be between 0 and 1: " + hitShare);
		}
		this.folder = folder;
		this.lyricsFolder = lyricsFolder;
		this.hitShare = hitShare;
	}

	public String labelRule() {
		return String.format("Melon Playlist Dataset popularity = Σ over train.json playlists containing the song of "
				+ "(1 + like_cnt); hit = top %.0f %% by popularity within genre and release year (issue_date), "
				+ "ties by song id", hitShare * 100);
	}

	/**
	 * @param limit most songs per genre (a seeded sample after labelling, so the hit rate is kept); 0 for all
	 */
	public Import read(List<Genre> genres, int limit, long seed) throws IOException {
		Map<String, String> genreNames = new HashMap<>();
		readJson("genre_gn_all.json").properties()
			.forEach(entry -> genreNames.put(entry.getKey(), entry.getValue().asString()));
		Map<Long, Double> popularity = new HashMap<>();
		for (JsonNode playlist : readJson("train.json")) {
			double weight = 1 + Math.max(0, playlist.path("like_cnt").asDouble(0));
			for (JsonNode song : playlist.path("songs")) {
				popularity.merge(song.asLong(), weight, Double::sum);
			}
		}
		record Candidate(long id, Genre genre, String year, double popularity) {
		}
		Map<Genre, Map<String, List<Candidate>>> groups = new EnumMap<>(Genre.class);
		int unmapped = 0;
		for (JsonNode song : readJson("song_meta.json")) {
			long id = song.path("id").asLong(-1);
			Genre genre = null;
			for (JsonNode code : song.path("song_gn_gnr_basket")) {
				genre = GENRE_CODES.get(code.asString());
				if (genre != null) {
					break;
				}
			}
			if (id < 0 || genre == null || !genres.contains(genre)) {
				unmapped++;
				continue;
			}
			String date = song.path("issue_date").asString("");
			String year = date.length() >= 4 && date.chars().limit(4).allMatch(Character::isDigit)
					&& !date.startsWith("0000") ? date.substring(0, 4) : "unknown";
			groups.computeIfAbsent(genre, g -> new LinkedHashMap<>())
				.computeIfAbsent(year, y -> new ArrayList<>())
				.add(new Candidate(id, genre, year, popularity.getOrDefault(id, 0.0)));
		}
		Map<Genre, TrainingSet> sets = new EnumMap<>(Genre.class);
		int missing = 0;
		int corrupt = 0;
		List<String> problems = new ArrayList<>();
		for (Map.Entry<Genre, Map<String, List<Candidate>>> entry : groups.entrySet()) {
			Genre genre = entry.getKey();
			List<Song> labelled = new ArrayList<>();
			for (List<Candidate> group : entry.getValue().values()) {
				group.sort(Comparator.comparingDouble(Candidate::popularity).reversed()
					.thenComparingLong(Candidate::id));
				int hits = (int) Math.round(hitShare * group.size());
				for (int i = 0; i < group.size(); i++) {
					Candidate candidate = group.get(i);
					labelled.add(new Song(Long.toString(candidate.id()), genre, i < hits,
							MelSource.npy(melPath(candidate.id())), null, null));
				}
			}
			labelled.sort(Comparator.comparingLong(song -> Long.parseLong(song.id())));
			if (limit > 0 && labelled.size() > limit) {
				Collections.shuffle(labelled, new Random(seed));
				labelled = new ArrayList<>(labelled.subList(0, limit));
				labelled.sort(Comparator.comparingLong(song -> Long.parseLong(song.id())));
			}
			List<Song> usable = new ArrayList<>();
			for (Song song : labelled) {
				Path mel = melPath(Long.parseLong(song.id()));
				if (!Files.isRegularFile(mel)) {
					missing++;
					continue;
				}
				try {
					MelSource.fit(Npy.read(mel), mel); // read once: a broken file is skipped now, not mid-training
				}
				catch (IOException | RuntimeException ex) {
					corrupt++;
					problems.add("song " + song.id() + ": " + mel + ": " + ex.getMessage());
					continue;
				}
				usable.add(new Song(song.id(), genre, song.hit(), song.mel(), lyrics(song.id()), null));
			}
			if (usable.isEmpty()) {
				continue;
			}
			String code = GENRE_CODES.entrySet().stream().filter(e -> e.getValue() == genre).findFirst().orElseThrow()
				.getKey();
			String description = String.format("Melon Playlist Dataset (Kakao Arena), genre %s %s: %,d songs with "
					+ "mels%s, release years %s", code, genreNames.getOrDefault(code, "?"), usable.size(),
					lyricsFolder == null ? ", no lyrics (Melon ships none)" : ", lyrics from " + lyricsFolder,
					entry.getValue().keySet().stream().sorted().toList());
			sets.put(genre, new TrainingSet(genre, usable, "melon", description, labelRule(), false));
		}
		return new Import(sets, missing, corrupt, unmapped, problems);
	}

	private Path melPath(long id) {
		return folder.resolve("arena_mel").resolve(Long.toString(id / 1000)).resolve(id + ".npy");
	}

	private String lyrics(String id) throws IOException {
		if (lyricsFolder == null) {
			return null;
		}
		Path file = lyricsFolder.resolve(id + ".txt");
		return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
	}

	private JsonNode readJson(String name) throws IOException {
		Path file = folder.resolve(name);
		try (InputStream in = Files.newInputStream(file)) {
			return JSON.readTree(in);
		}
		catch (JacksonException ex) {
			throw new IOException(file + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}
}
