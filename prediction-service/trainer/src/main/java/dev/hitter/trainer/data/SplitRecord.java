package dev.hitter.trainer.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code splits.json} in a model-set version folder: which songs the model was fitted, stopped and calibrated,
 * and tested on, by which strategy and seed, and a fingerprint of the whole dataset — so that an evaluation can be
 * repeated on exactly the held-out songs, and a retraining can tell whether the data changed.
 */
public final class SplitRecord {

	public static final String FILE = "splits.json";

	/** What the fingerprint is a SHA-256 of, written beside it. */
	public static final String FINGERPRINT_OVER = "songs sorted by id, one line each: id, label (1/0), genre, "
			+ "artists joined by '|', release date (or '-'), mel size in bytes (or -1), tab-separated";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SplitRecord() {
	}

	/** Writes {@value #FILE} into the folder, streaming the ids (a Melon genre has some 100,000). */
	public static Path write(Path folder, TrainingSet set, SplitAssignment.Assigned assigned) throws IOException {
		Path file = folder.resolve(FILE);
		try (OutputStream out = Files.newOutputStream(file); JsonGenerator json = JSON.createGenerator(out)) {
			json.writeStartObject();
			json.writeStringProperty("genre", set.genre().name());
			json.writeStringProperty("strategy", assigned.strategy().id());
			json.writeStringProperty("method", assigned.method());
			json.writeNumberProperty("seed", assigned.seed());
			json.writeName("dataset");
			json.writeStartObject();
			json.writeStringProperty("source", set.source());
			json.writeNumberProperty("songs", set.songs().size());
			json.writeNumberProperty("positives", set.positives());
			json.writeStringProperty("fingerprint", "sha256:" + fingerprint(set.songs()));
			json.writeStringProperty("fingerprintOver", FINGERPRINT_OVER);
			json.writeEndObject();
			json.writeName("leftOut");
			json.writeStartObject();
			json.writeStringProperty("reason", assigned.leftOutIds().isEmpty() ? "none"
					: "no release date (time-based split)");
			writeIds(json, "ids", assigned.leftOutIds());
			json.writeEndObject();
			json.writeName("splits");
			json.writeStartObject();
			for (Split split : Split.values()) {
				List<Song> part = assigned.part(split);
				json.writeName(split.name().toLowerCase(java.util.Locale.ROOT));
				json.writeStartObject();
				json.writeNumberProperty("songs", part.size());
				json.writeNumberProperty("positives", part.stream().filter(Song::hit).count());
				writeIds(json, "ids", part.stream().map(Song::id).sorted().toList());
				json.writeEndObject();
			}
			json.writeEndObject();
			json.writeEndObject();
		}
		return file;
	}

	private static void writeIds(JsonGenerator json, String name, List<String> ids) {
		json.writeName(name);
		json.writeStartArray();
		for (String id : ids) {
			json.writeString(id);
		}
		json.writeEndArray();
	}

	/** SHA-256 (hex) over {@link #FINGERPRINT_OVER}: the same songs, labels and files give the same value. */
	public static String fingerprint(List<Song> songs) {
		List<Song> sorted = new ArrayList<>(songs);
		sorted.sort(Comparator.comparing(Song::id));
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
		StringBuilder line = new StringBuilder();
		for (Song song : sorted) {
			line.setLength(0);
			line.append(song.id()).append('\t').append(song.hit() ? '1' : '0').append('\t').append(song.genre())
				.append('\t').append(String.join("|", song.artists())).append('\t')
				.append(song.released() == null ? "-" : song.released().toString()).append('\t')
				.append(song.mel() == null ? -1 : song.mel().bytes()).append('\n');
			digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(digest.digest());
	}
}
