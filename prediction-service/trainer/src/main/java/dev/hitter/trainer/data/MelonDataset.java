package dev.hitter.trainer.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.hitter.features.npy.Npy;
import dev.hitter.models.Genre;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the Melon Playlist Dataset as Kakao Arena distributes it: {@code song_meta.json} (songs with
 * {@code song_gn_gnr_basket}, {@code issue_date} and {@code artist_id_basket}), {@code genre_gn_all.json} (genre
 * codes to names), {@code train.json} (playlists with {@code songs} and {@code like_cnt}) and
 * {@code arena_mel/<id/1000>/<id>.npy} (48 × n log-mels, float16 or float32).
 *
 * <p>Genres: the first code of a song's basket that maps to one of ours decides it: {@code GN0100} 발라드 → BALLAD,
 * {@code GN0200} 댄스 → DANCE, {@code GN0900} POP → POP; every other code (랩/힙합, R&amp;B, 인디, 록, 트로트, OST, …) is
 * left out. Hit labels: a song's popularity is Σ over the playlists of {@code train.json} that contain it of
 * {@code (1 + like_cnt)}; within each genre and release year ({@code issue_date}'s first four digits; unknown years
 * form one group), the top {@code hitShare} by popularity (ties by id) are hits, {@code round(hitShare·n)} songs.
 * Melon ships no lyrics: with a lyrics folder, {@code <folder>/<id>.txt} is read where it exists; without one the
 * genre's lyrics model is not trained.
 *
 * <p>At Melon's size (649,091 songs, 148,826 playlists, 117 GB of mels) both JSON files are streamed token by token
 * and each song is kept as a few primitives (id, genre, year, release day, artist references, popularity): the
 * import needs well under 1 GB of heap whatever the catalogue's size. Mel files are read once, on every core, before
 * training. Bad input — missing, truncated or wrong-shape mels, songs without genre or date, duplicate ids, broken
 * rows or malformed JSON — is counted by kind ({@link InputProblems}) and skipped, never fatal.
 */
public final class MelonDataset {

	public static final Map<String, Genre> GENRE_CODES = Map.of("GN0100", Genre.BALLAD, "GN0200", Genre.DANCE,
			"GN0900", Genre.POP);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int UNKNOWN_DAY = Integer.MIN_VALUE;

	/** Songs per mel-validation task: small enough to spread over the cores, large enough to be cheap to queue. */
	private static final int CHECK_CHUNK = 256;

	private final Path folder;

	private final Path arenaMel;

	private final Path lyricsFolder;

	private final double hitShare;

	private final int threads;

	/**
	 * What an import gave: a training set per genre that has songs, and what was skipped.
	 *
	 * @param missingMels songs of the chosen genres without a mel file
	 * @param corruptMels songs whose mel file is truncated, of the wrong shape or unreadable
	 * @param unmappedSongs songs whose genres are none of the chosen ones
	 * @param problems example messages (at most 20 of each kind)
	 * @param report every problem counted by kind
	 * @param songsRead rows of {@code song_meta.json}
	 * @param playlistsRead rows of {@code train.json}
	 * @param seconds wall-clock seconds of each step: {@code songs}, {@code playlists}, {@code labels}, {@code mels}
	 */
	public record Import(Map<Genre, TrainingSet> sets, int missingMels, int corruptMels, int unmappedSongs,
			List<String> problems, InputProblems report, int songsRead, int playlistsRead, Map<String, Double> seconds) {
	}

	public MelonDataset(Path folder, Path lyricsFolder, double hitShare) {
		this(folder, lyricsFolder, hitShare, Runtime.getRuntime().availableProcessors());
	}

	/** @param threads how many mel files are read at once */
	public MelonDataset(Path folder, Path lyricsFolder, double hitShare, int threads) {
		if (!(hitShare > 0 && hitShare < 1)) {
			throw new IllegalArgumentException("hit share must be between 0 and 1: " + hitShare);
		}
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1: " + threads);
		}
		this.folder = folder;
		this.arenaMel = folder.resolve("arena_mel");
		this.lyricsFolder = lyricsFolder;
		this.hitShare = hitShare;
		this.threads = threads;
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
		InputProblems problems = new InputProblems();
		Map<String, Double> seconds = new java.util.LinkedHashMap<>();
		long started = System.nanoTime();
		Map<String, String> genreNames = genreNames(problems);
		SongTable table = readSongs(genres, problems);
		started = lap(seconds, "songs", started);
		int playlists = readPlaylists(table, problems);
		started = lap(seconds, "playlists", started);
		boolean[] hits = label(table);

		Map<Genre, int[]> chosen = new EnumMap<>(Genre.class);
		for (Genre genre : genres) {
			int[] rows = table.rowsOf(genre);
			if (rows.length > 0) {
				chosen.put(genre, sample(table, rows, limit, seed));
			}
		}
		started = lap(seconds, "labels", started);
		long[] melBytes = checkMels(table, chosen, problems);
		lap(seconds, "mels", started);

		Map<Genre, TrainingSet> sets = new EnumMap<>(Genre.class);
		for (Map.Entry<Genre, int[]> entry : chosen.entrySet()) {
			Genre genre = entry.getKey();
			List<Song> usable = new ArrayList<>();
			for (int row : entry.getValue()) {
				if (melBytes[row] < 0) {
					continue;
				}
				long id = table.ids[row];
				usable.add(new Song(Long.toString(id), genre, hits[row], new MelFile(arenaMel, id, melBytes[row]),
						lyrics(id), null, table.artists(row), table.released(row)));
			}
			if (usable.isEmpty()) {
				continue;
			}
			String code = GENRE_CODES.entrySet().stream().filter(e -> e.getValue() == genre).findFirst().orElseThrow()
				.getKey();
			String description = String.format("Melon Playlist Dataset (Kakao Arena), genre %s %s: %,d songs with "
					+ "mels%s, release years %s", code, genreNames.getOrDefault(code, "?"), usable.size(),
					lyricsFolder == null ? ", no lyrics (Melon ships none)" : ", lyrics from " + lyricsFolder,
					table.years(genre));
			sets.put(genre, new TrainingSet(genre, usable, "melon", description, labelRule(), false));
		}
		int missing = problems.count(InputProblems.Kind.MISSING_MEL);
		int corrupt = problems.count(InputProblems.Kind.TRUNCATED_MEL) + problems.count(InputProblems.Kind.WRONG_SHAPE_MEL)
				+ problems.count(InputProblems.Kind.UNREADABLE_MEL) + problems.count(InputProblems.Kind.NON_FINITE_MEL);
		return new Import(sets, missing, corrupt, table.unmapped, problems.examples(), problems, table.rowsRead,
				playlists, seconds);
	}

	private static long lap(Map<String, Double> seconds, String step, long started) {
		long now = System.nanoTime();
		seconds.put(step, (now - started) / 1e9);
		return now;
	}

	/** A Melon mel on disk: the path is made when a batch reads it, so a song costs a few bytes until then. */
	private record MelFile(Path arenaMel, long id, long bytes) implements MelSource {

		@Override
		public float[] framesFirst() throws IOException {
			Path file = melPath(arenaMel, id);
			return MelSource.fit(Npy.read(file), file);
		}

		/** For the mel shards' fingerprint: a rewritten file is a changed song, without reading its values. */
		@Override
		public String origin() throws IOException {
			Path file = melPath(arenaMel, id);
			return "npy " + file.toAbsolutePath() + " " + Files.size(file) + " "
					+ Files.getLastModifiedTime(file).toMillis();
		}
	}

	private static Path melPath(Path arenaMel, long id) {
		return arenaMel.resolve(Long.toString(id / 1000)).resolve(id + ".npy");
	}

	private Map<String, String> genreNames(InputProblems problems) throws IOException {
		Path file = folder.resolve("genre_gn_all.json");
		Map<String, String> names = new HashMap<>();
		if (!Files.isRegularFile(file)) {
			return names; // only for the card's description
		}
		try (InputStream in = Files.newInputStream(file)) {
			JsonNode tree = JSON.readTree(in); // a few hundred codes: small enough for a tree
			tree.properties().forEach(entry -> names.put(entry.getKey(), entry.getValue().asString()));
		}
		catch (JacksonException ex) {
			// counted, not fatal: the names only decorate the description; the codes that matter are GENRE_CODES
			problems.add(InputProblems.Kind.BROKEN_JSON, "genre_gn_all.json " + where(ex) + ": "
					+ ex.getOriginalMessage() + " (genre names left out of the description)");
		}
		return names;
	}

	/** The songs of the chosen genres as columns of primitives; other songs only leave their id behind. */
	private static final class SongTable {

		final IdIndex index = new IdIndex(1 << 16);

		long[] ids = new long[1024];

		byte[] genres = new byte[1024];

		short[] years = new short[1024];

		int[] days = new int[1024];

		int[] artistStarts = new int[1025];

		int[] artistRefs = new int[1024];

		double[] popularity;

		final List<String> artistNames = new ArrayList<>();

		final Map<String, Integer> artistIndex = new HashMap<>();

		int size;

		int artistCount;

		int unmapped;

		int rowsRead;

		void add(long id, Genre genre, int year, int day, List<String> artists) {
			if (size == ids.length) {
				int capacity = size * 2;
				ids = Arrays.copyOf(ids, capacity);
				genres = Arrays.copyOf(genres, capacity);
				years = Arrays.copyOf(years, capacity);
				days = Arrays.copyOf(days, capacity);
				artistStarts = Arrays.copyOf(artistStarts, capacity + 1);
			}
			ids[size] = id;
			genres[size] = (byte) genre.ordinal();
			years[size] = (short) year;
			days[size] = day;
			for (String artist : artists) {
				if (artistCount == artistRefs.length) {
					artistRefs = Arrays.copyOf(artistRefs, artistCount * 2);
				}
				Integer ref = artistIndex.get(artist);
				if (ref == null) {
					ref = artistNames.size();
					artistNames.add(artist);
					artistIndex.put(artist, ref);
				}
				artistRefs[artistCount++] = ref;
			}
			size++;
			artistStarts[size] = artistCount;
		}

		List<String> artists(int row) {
			List<String> out = new ArrayList<>(artistStarts[row + 1] - artistStarts[row]);
			for (int i = artistStarts[row]; i < artistStarts[row + 1]; i++) {
				out.add(artistNames.get(artistRefs[i]));
			}
			return out;
		}

		LocalDate released(int row) {
			return days[row] == UNKNOWN_DAY ? null : LocalDate.ofEpochDay(days[row]);
		}

		int[] rowsOf(Genre genre) {
			int count = 0;
			for (int row = 0; row < size; row++) {
				if (genres[row] == genre.ordinal()) {
					count++;
				}
			}
			int[] rows = new int[count];
			for (int row = 0, i = 0; row < size; row++) {
				if (genres[row] == genre.ordinal()) {
					rows[i++] = row;
				}
			}
			return rows;
		}

		List<String> years(Genre genre) {
			TreeSet<String> out = new TreeSet<>();
			for (int row = 0; row < size; row++) {
				if (genres[row] == genre.ordinal()) {
					out.add(years[row] < 0 ? "unknown" : Integer.toString(years[row]));
				}
			}
			return List.copyOf(out);
		}
	}

	/** What one {@code song_meta.json} row said, reused from row to row. */
	private static final class SongRow {

		long id;

		String broken;

		boolean anyGenre;

		Genre genre;

		String date;

		final List<String> artistIds = new ArrayList<>();

		final List<String> artistNames = new ArrayList<>();

		void clear() {
			id = -1;
			broken = null;
			anyGenre = false;
			genre = null;
			date = null;
			artistIds.clear();
			artistNames.clear();
		}
	}

	private SongTable readSongs(List<Genre> wanted, InputProblems problems) throws IOException {
		SongTable table = new SongTable();
		String name = "song_meta.json";
		SongRow song = new SongRow();
		try (JsonParser parser = open(name)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				problems.add(InputProblems.Kind.BROKEN_JSON, name + ": not a JSON array of songs");
				return table;
			}
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
				table.rowsRead++;
				int rowNumber = table.rowsRead;
				if (token != JsonToken.START_OBJECT) {
					parser.skipChildren();
					problems.add(InputProblems.Kind.BROKEN_ROW, name + " row " + rowNumber + ": not a JSON object");
					continue;
				}
				song.clear();
				readSongRow(parser, song);
				if (song.broken == null && song.id < 0) {
					song.broken = "no id";
				}
				if (song.broken != null) {
					problems.add(InputProblems.Kind.BROKEN_ROW, name + " row " + rowNumber + ": " + song.broken);
					continue;
				}
				if (table.index.putIfAbsent(song.id, -1) != IdIndex.ABSENT) {
					problems.add(InputProblems.Kind.DUPLICATE_ID, name + " row " + rowNumber + ": song " + song.id
							+ " appears again (the first row is kept)");
					continue;
				}
				if (!song.anyGenre) {
					problems.add(InputProblems.Kind.NO_GENRE, "song " + song.id + ": no song_gn_gnr_basket");
					continue;
				}
				if (song.genre == null || !wanted.contains(song.genre)) {
					table.unmapped++;
					continue;
				}
				int year = year(song.date);
				int day = day(song.date);
				if (year < 0) {
					problems.add(InputProblems.Kind.NO_DATE, "song " + song.id + ": no release date ('"
							+ (song.date == null ? "" : song.date) + "'): labelled in the unknown-year group, left out "
							+ "of time-based splits");
				}
				else if (day == UNKNOWN_DAY) {
					problems.add(InputProblems.Kind.BAD_DATE, "song " + song.id + ": release date '" + song.date
							+ "' is not a date: left out of time-based splits");
				}
				table.index.set(song.id, table.size);
				table.add(song.id, song.genre, year, day, song.artistIds.isEmpty() ? song.artistNames : song.artistIds);
			}
		}
		catch (JacksonException ex) {
			problems.add(InputProblems.Kind.BROKEN_JSON, name + " " + where(ex) + ": " + ex.getOriginalMessage()
					+ " (" + table.rowsRead + " rows read before it are kept)");
		}
		table.popularity = new double[table.size];
		return table;
	}

	private static void readSongRow(JsonParser parser, SongRow song) {
		JsonToken token;
		while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			token = parser.nextToken();
			switch (field) {
				case "id" -> {
					if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
							&& parser.getLongValue() >= 0) {
						song.id = parser.getLongValue();
					}
					else {
						song.broken = "id is not a whole number ≥ 0";
						parser.skipChildren();
					}
				}
				case "song_gn_gnr_basket" -> {
					if (token == JsonToken.START_ARRAY) {
						while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
							if (token == JsonToken.VALUE_STRING) {
								String code = parser.getString();
								song.anyGenre |= !code.isBlank();
								if (song.genre == null) {
									song.genre = GENRE_CODES.get(code.trim());
								}
							}
							else {
								parser.skipChildren();
							}
						}
					}
					else if (token != JsonToken.VALUE_NULL) {
						song.broken = "song_gn_gnr_basket is not a list";
						parser.skipChildren();
					}
				}
				case "issue_date" -> {
					if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
						song.date = parser.getString();
					}
					else {
						parser.skipChildren();
					}
				}
				case "artist_id_basket" -> strings(parser, token, song.artistIds);
				case "artist_name_basket" -> strings(parser, token, song.artistNames);
				default -> parser.skipChildren();
			}
		}
	}

	/** A list of scalars as their text; anything else is ignored (artists only group songs for splits). */
	private static void strings(JsonParser parser, JsonToken token, List<String> out) {
		if (token != JsonToken.START_ARRAY) {
			parser.skipChildren();
			return;
		}
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
				String text = parser.getString().trim();
				if (!text.isEmpty()) {
					out.add(text);
				}
			}
			else {
				parser.skipChildren();
			}
		}
	}

	/** Adds each playlist's {@code 1 + like_cnt} to its songs' popularity. */
	private int readPlaylists(SongTable table, InputProblems problems) throws IOException {
		String name = "train.json";
		int rowNumber = 0;
		long[] songs = new long[256];
		try (JsonParser parser = open(name)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				problems.add(InputProblems.Kind.BROKEN_JSON, name + ": not a JSON array of playlists");
				return 0;
			}
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
				rowNumber++;
				if (token != JsonToken.START_OBJECT) {
					parser.skipChildren();
					problems.add(InputProblems.Kind.BROKEN_ROW, name + " row " + rowNumber + ": not a JSON object");
					continue;
				}
				int count = 0;
				double likes = 0;
				String broken = null;
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String field = parser.currentName();
					token = parser.nextToken();
					if (field.equals("songs") && token == JsonToken.START_ARRAY) {
						while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
							if (token == JsonToken.VALUE_NUMBER_INT
									&& parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
								if (count == songs.length) {
									songs = Arrays.copyOf(songs, count * 2);
								}
								songs[count++] = parser.getLongValue();
							}
							else {
								broken = "songs holds something other than song ids";
								parser.skipChildren();
							}
						}
					}
					else if (field.equals("songs")) {
						broken = "songs is not a list";
						parser.skipChildren();
					}
					else if (field.equals("like_cnt") && token.isNumeric()) {
						likes = Math.max(0, parser.getValueAsDouble(0));
					}
					else {
						parser.skipChildren();
					}
				}
				if (broken != null) {
					problems.add(InputProblems.Kind.BROKEN_ROW, name + " row " + rowNumber + ": " + broken
							+ " (its song ids are counted)");
				}
				double weight = 1 + likes;
				for (int i = 0; i < count; i++) {
					int row = table.index.get(songs[i]);
					if (row == IdIndex.ABSENT) {
						problems.add(InputProblems.Kind.UNKNOWN_PLAYLIST_SONG, name + " row " + rowNumber + ": song "
								+ songs[i] + " is not in song_meta.json");
					}
					else if (row >= 0) {
						table.popularity[row] += weight;
					}
				}
			}
		}
		catch (JacksonException ex) {
			problems.add(InputProblems.Kind.BROKEN_JSON, name + " " + where(ex) + ": " + ex.getOriginalMessage()
					+ " (" + rowNumber + " playlists read before it are counted)");
		}
		return rowNumber;
	}

	/** Today's rule: the top share by popularity within each genre and release year are hits (ties by id). */
	private boolean[] label(SongTable table) {
		boolean[] hits = new boolean[table.size];
		for (Genre genre : Genre.values()) {
			int[] rows = table.rowsOf(genre);
			Integer[] order = new Integer[rows.length];
			for (int i = 0; i < rows.length; i++) {
				order[i] = rows[i];
			}
			Arrays.sort(order, (a, b) -> {
				int byYear = Short.compare(table.years[a], table.years[b]);
				if (byYear != 0) {
					return byYear;
				}
				int byPopularity = Double.compare(table.popularity[b], table.popularity[a]);
				return byPopularity != 0 ? byPopularity : Long.compare(table.ids[a], table.ids[b]);
			});
			for (int start = 0; start < order.length;) {
				int end = start;
				while (end < order.length && table.years[order[end]] == table.years[order[start]]) {
					end++;
				}
				int count = (int) Math.round(hitShare * (end - start));
				for (int i = start; i < start + count; i++) {
					hits[order[i]] = true;
				}
				start = end;
			}
		}
		return hits;
	}

	/** The genre's rows by id; with a limit, a seeded sample of them (after labelling, so the hit rate is kept). */
	private static int[] sample(SongTable table, int[] rows, int limit, long seed) {
		int[] out = rows.clone();
		if (limit > 0 && out.length > limit) {
			sortById(table, out);
			Random random = new Random(seed);
			for (int i = out.length - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int swap = out[i];
				out[i] = out[j];
				out[j] = swap;
			}
			out = Arrays.copyOf(out, limit);
		}
		sortById(table, out);
		return out;
	}

	private static void sortById(SongTable table, int[] rows) {
		long[] ids = new long[rows.length];
		for (int i = 0; i < rows.length; i++) {
			ids[i] = table.ids[rows[i]];
		}
		Arrays.sort(ids);
		for (int i = 0; i < rows.length; i++) {
			rows[i] = table.index.get(ids[i]); // ids are unique among kept rows, and the index maps each to its row
		}
	}

	/**
	 * Reads every chosen song's mel once, on {@code threads} threads: the size in bytes of each usable file, -1 for a
	 * missing or broken one (counted by kind).
	 */
	private long[] checkMels(SongTable table, Map<Genre, int[]> chosen, InputProblems problems) throws IOException {
		long[] bytes = new long[table.size];
		Arrays.fill(bytes, -1);
		List<int[]> chunks = new ArrayList<>();
		for (int[] rows : chosen.values()) {
			for (int start = 0; start < rows.length; start += CHECK_CHUNK) {
				chunks.add(Arrays.copyOfRange(rows, start, Math.min(rows.length, start + CHECK_CHUNK)));
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, chunks.size())), task -> {
			Thread thread = new Thread(task, "melon-mel-check");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> pending = new ArrayList<>(chunks.size());
			for (int[] chunk : chunks) {
				pending.add(pool.submit(() -> {
					for (int row : chunk) {
						long id = table.ids[row];
						MelCheck check = MelCheck.of(melPath(arenaMel, id));
						if (check.problem() == null) {
							bytes[row] = check.bytes(); // each row is written by one task only
						}
						else {
							problems.add(check.problem(), "song " + id + ": " + check.message());
						}
					}
				}));
			}
			for (Future<?> future : pending) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while checking mel files", ex);
		}
		catch (ExecutionException ex) {
			throw new IOException("checking mel files failed: " + ex.getCause(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return bytes;
	}

	/** Today's year rule: the first four digits of {@code issue_date}, unless 0000; -1 when unknown. */
	static int year(String date) {
		if (date == null || date.length() < 4 || date.startsWith("0000")) {
			return -1;
		}
		for (int i = 0; i < 4; i++) {
			if (!Character.isDigit(date.charAt(i))) {
				return -1;
			}
		}
		return Integer.parseInt(date.substring(0, 4));
	}

	/**
	 * {@code yyyyMMdd} as an epoch day; Melon writes an unknown month or day as 00 (e.g. {@code 19910000}), read as
	 * the first. {@link #UNKNOWN_DAY} when there is no such date.
	 */
	static int day(String date) {
		if (year(date) < 0 || date.length() != 8 || !date.chars().allMatch(Character::isDigit)) {
			return UNKNOWN_DAY;
		}
		int month = Integer.parseInt(date.substring(4, 6));
		int day = Integer.parseInt(date.substring(6, 8));
		try {
			return (int) LocalDate.of(year(date), Math.max(1, month), Math.max(1, day)).toEpochDay();
		}
		catch (DateTimeException ex) {
			return UNKNOWN_DAY;
		}
	}

	private String lyrics(long id) throws IOException {
		if (lyricsFolder == null) {
			return null;
		}
		Path file = lyricsFolder.resolve(id + ".txt");
		return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
	}

	private JsonParser open(String name) throws IOException {
		Path file = folder.resolve(name);
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		try {
			return JSON.createParser(in); // closing the parser closes the stream
		}
		catch (JacksonException ex) {
			in.close();
			throw new IOException(file + " cannot be read as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static String where(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		return location == null ? "" : "line " + location.getLineNr() + " column " + location.getColumnNr();
	}
}
