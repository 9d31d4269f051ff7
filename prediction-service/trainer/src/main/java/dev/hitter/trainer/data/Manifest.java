package dev.hitter.trainer.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.hitter.features.RejectedInputException;
import dev.hitter.features.audio.AudioDecoder;
import dev.hitter.features.audio.SegmentRule;
import dev.hitter.features.mel.LogMelSpectrogram;
import dev.hitter.features.mel.MelSpec;
import dev.hitter.models.Genre;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A researcher's list of labelled songs: CSV with a header row ({@code .csv}) or JSON lines (anything else), one
 * song per row with the fields
 * <ul>
 * <li>{@code id}, {@code genre} (POP, BALLAD or DANCE; any case)</li>
 * <li>{@code label} (1/0, true/false, hit/miss) or {@code popularity} (a number; a hit when ≥ the threshold)</li>
 * <li>{@code mel} (a Melon-layout 48 × n {@code .npy}) or {@code audio} (any audio file: its melon-v1 segment is
 * decoded and turned into a log-mel here)</li>
 * <li>optional {@code lyrics} (inline text) or {@code lyrics_file} (a UTF-8 text file)</li>
 * <li>optional {@code split}: train, validation or test</li>
 * <li>optional {@code artist}: who performs it, several separated by {@code |} (the artist-grouped split keeps
 * songs sharing any of them together)</li>
 * <li>optional {@code released}: the release date, {@code yyyy-MM-dd} or {@code yyyyMMdd} (the time-based split
 * leaves songs without one out)</li>
 * </ul>
 * Relative paths resolve against the manifest's folder. A bad row is reported with its line number, counted by
 * kind and skipped; the rest are read.
 */
public final class Manifest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Double threshold;

	private final AudioDecoder decoder = new AudioDecoder();

	private final LogMelSpectrogram melFrontEnd = new LogMelSpectrogram(MelSpec.MELON_V1);

	/** @param threshold the popularity at or above which a song is a hit; null when rows carry labels */
	public Manifest(Double threshold) {
		this.threshold = threshold;
	}

	/**
	 * What a manifest held: the songs that were read and, for every skipped row, one problem naming its line;
	 * {@code report} counts them by kind.
	 */
	public record Contents(List<Song> songs, List<String> problems, InputProblems report) {

		public int skipped() {
			return problems.size();
		}
	}

	/** Why a row was skipped, and which kind of problem that is. */
	private static final class RowProblem extends IllegalArgumentException {

		private final InputProblems.Kind kind;

		RowProblem(InputProblems.Kind kind, String message) {
			super(message);
			this.kind = kind;
		}
	}

	public Contents read(Path file) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		String text = Files.readString(file, StandardCharsets.UTF_8);
		List<Row> rows = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? csvRows(text)
				: jsonRows(text);
		List<Song> songs = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		InputProblems report = new InputProblems();
		Set<String> seen = new HashSet<>();
		for (Row row : rows) {
			String where = file.getFileName() + " line " + row.line() + ": ";
			InputProblems.Kind kind;
			String message;
			try {
				if (row.error() != null) {
					throw new RowProblem(InputProblems.Kind.BROKEN_ROW, row.error());
				}
				Song song = song(row.fields(), folder);
				if (!seen.add(song.id())) {
					throw new RowProblem(InputProblems.Kind.DUPLICATE_ID, "id '" + song.id() + "' appears twice");
				}
				songs.add(song);
				continue;
			}
			catch (NoSuchFileException ex) {
				kind = InputProblems.Kind.MISSING_FILE;
				message = "file not found: " + ex.getFile();
			}
			catch (RowProblem ex) {
				kind = ex.kind;
				message = ex.getMessage();
			}
			catch (RejectedInputException ex) {
				kind = InputProblems.Kind.BAD_AUDIO;
				message = ex.getMessage();
			}
			catch (IllegalArgumentException | IOException ex) {
				kind = melKind(ex);
				message = ex.getMessage();
			}
			problems.add(where + message);
			report.add(kind, where + message);
		}
		return new Contents(songs, problems, report);
	}

	/** A mel file's problem by kind; anything else that fails to read is an unreadable file. */
	private static InputProblems.Kind melKind(Exception ex) {
		String text = String.valueOf(ex.getMessage());
		if (text.contains("truncated")) {
			return InputProblems.Kind.TRUNCATED_MEL;
		}
		if (text.contains(" × n mel")) {
			return InputProblems.Kind.WRONG_SHAPE_MEL;
		}
		if (text.contains("non-finite")) {
			return InputProblems.Kind.NON_FINITE_MEL;
		}
		return InputProblems.Kind.UNREADABLE_MEL;
	}

	private Song song(Map<String, String> fields, Path folder) throws IOException {
		String id = required(fields, "id");
		Genre genre;
		String genreText = required(fields, "genre");
		try {
			genre = Genre.valueOf(genreText.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new RowProblem(InputProblems.Kind.BAD_GENRE, "genre must be POP, BALLAD or DANCE, not '"
					+ fields.get("genre") + "'");
		}
		boolean hit = label(fields);
		MelSource mel;
		if (present(fields, "mel")) {
			Path npy = folder.resolve(fields.get("mel"));
			float[] values = MelSource.npy(npy).framesFirst(); // read once now, so a bad file is this row's problem
			mel = MelSource.inMemory(values);
		}
		else if (present(fields, "audio")) {
			float[] pcm = decoder.decode(folder.resolve(fields.get("audio")), SegmentRule.melon()).samples();
			mel = MelSource.inMemory(melFrontEnd.compute(pcm).framesFirst());
		}
		else {
			throw new RowProblem(InputProblems.Kind.MISSING_FIELD, "needs a mel (.npy) or an audio path");
		}
		String lyrics = null;
		if (present(fields, "lyrics_file")) {
			lyrics = Files.readString(folder.resolve(fields.get("lyrics_file")), StandardCharsets.UTF_8);
		}
		else if (present(fields, "lyrics")) {
			lyrics = fields.get("lyrics");
		}
		Split split;
		try {
			split = present(fields, "split") ? Split.parse(fields.get("split")) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new RowProblem(InputProblems.Kind.BAD_SPLIT, ex.getMessage());
		}
		List<String> artists = new ArrayList<>();
		String artistText = present(fields, "artist") ? fields.get("artist") : fields.get("artists");
		if (artistText != null) {
			for (String artist : artistText.split("\\|")) {
				if (!artist.isBlank()) {
					artists.add(artist.strip());
				}
			}
		}
		return new Song(id, genre, hit, mel, lyrics, split, artists, released(fields));
	}

	private static LocalDate released(Map<String, String> fields) {
		if (!present(fields, "released")) {
			return null;
		}
		String text = fields.get("released").strip();
		try {
			return text.length() == 8 && text.chars().allMatch(Character::isDigit)
					? LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new RowProblem(InputProblems.Kind.BAD_DATE, "released must be a date (yyyy-MM-dd), not '" + text
					+ "'");
		}
	}

	private boolean label(Map<String, String> fields) {
		if (present(fields, "label")) {
			return switch (fields.get("label").trim().toLowerCase(Locale.ROOT)) {
				case "1", "true", "hit", "yes" -> true;
				case "0", "false", "miss", "no" -> false;
				default -> throw new RowProblem(InputProblems.Kind.BAD_LABEL, "label must be 0 or 1, not '"
						+ fields.get("label") + "'");
			};
		}
		if (present(fields, "popularity")) {
			if (threshold == null) {
				throw new RowProblem(InputProblems.Kind.BAD_LABEL, "has a popularity but no label: give --threshold");
			}
			try {
				return Double.parseDouble(fields.get("popularity").trim()) >= threshold;
			}
			catch (NumberFormatException ex) {
				throw new RowProblem(InputProblems.Kind.BAD_LABEL, "popularity must be a number, not '"
						+ fields.get("popularity") + "'");
			}
		}
		throw new RowProblem(InputProblems.Kind.MISSING_FIELD, "needs a label or a popularity");
	}

	private static boolean present(Map<String, String> fields, String name) {
		String value = fields.get(name);
		return value != null && !value.isBlank();
	}

	private static String required(Map<String, String> fields, String name) {
		if (!present(fields, name)) {
			throw new RowProblem(InputProblems.Kind.MISSING_FIELD, "missing " + name);
		}
		return fields.get(name).trim();
	}

	/** One record with the line it starts on; {@code error} when it could not even be split into fields. */
	private record Row(int line, Map<String, String> fields, String error) {
	}

	private static List<Row> jsonRows(String text) {
		List<Row> rows = new ArrayList<>();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			try {
				JsonNode node = JSON.readTree(line);
				if (!node.isObject()) {
					rows.add(new Row(i + 1, Map.of(), "not a JSON object"));
					continue;
				}
				Map<String, String> fields = new HashMap<>();
				for (Map.Entry<String, JsonNode> entry : node.properties()) {
					JsonNode value = entry.getValue();
					fields.put(entry.getKey().toLowerCase(Locale.ROOT), value.isNull() ? null
							: value.isValueNode() ? value.asString() : value.isArray() ? joined(value)
									: value.toString());
				}
				rows.add(new Row(i + 1, fields, null));
			}
			catch (JacksonException ex) {
				rows.add(new Row(i + 1, Map.of(), "not valid JSON (" + ex.getOriginalMessage() + ")"));
			}
		}
		return rows;
	}

	/** A JSON list (e.g. {@code "artist": ["IU", "Suga"]}) as the CSV form, its items joined by {@code |}. */
	private static String joined(JsonNode list) {
		List<String> items = new ArrayList<>();
		list.forEach(item -> items.add(item.isValueNode() ? item.asString() : item.toString()));
		return String.join("|", items);
	}

	/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
	static List<Row> csvRows(String text) {
		List<List<String>> records = new ArrayList<>();
		List<Integer> starts = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		int line = 1;
		int start = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
				continue;
			}
			if (c == '"') {
				quoted = true;
				any = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				any = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				if (any || field.length() > 0) {
					record.add(field.toString());
					records.add(record);
					starts.add(start);
				}
				record = new ArrayList<>();
				field.setLength(0);
				any = false;
				line++;
				start = line;
			}
			else {
				field.append(c);
				any = true;
			}
		}
		if (any || field.length() > 0) {
			record.add(field.toString());
			records.add(record);
			starts.add(start);
		}
		List<Row> rows = new ArrayList<>();
		if (records.isEmpty()) {
			return rows;
		}
		List<String> header = records.get(0).stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
		for (int r = 1; r < records.size(); r++) {
			List<String> values = records.get(r);
			if (values.size() != header.size()) {
				rows.add(new Row(starts.get(r), Map.of(), values.size() + " fields where the header has "
						+ header.size()));
				continue;
			}
			Map<String, String> fields = new HashMap<>();
			for (int i = 0; i < header.size(); i++) {
				fields.put(header.get(i), values.get(i));
			}
			rows.add(new Row(starts.get(r), fields, null));
		}
		return rows;
	}
}
