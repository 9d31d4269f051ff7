package dev.hitter.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes model cards and combinations as indented JSON, the same way in the trainer and the server. */
public final class ModelFiles {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ModelFiles() {
	}

	public static ModelCard readCard(Path file) throws IOException {
		return read(file, ModelCard.class);
	}

	public static Combination readCombination(Path file) throws IOException {
		return read(file, Combination.class);
	}

	/** A genre's promotion pointer ({@link ModelSetLayout#promotion}). */
	public static Promotion readPromotion(Path file) throws IOException {
		return read(file, Promotion.class);
	}

	/** Writes atomically: a reader (the server watching for new versions) never sees half a file. */
	public static void write(Path file, Object value) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try {
			Files.writeString(partial, JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (JacksonException ex) {
			throw new IOException("cannot write " + file + ": " + ex.getOriginalMessage(), ex);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	public static String toJson(Object value) {
		return JSON.writeValueAsString(value);
	}

	private static <T> T read(Path file, Class<T> type) throws IOException {
		try {
			return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), type);
		}
		catch (JacksonException ex) {
			throw new IOException(file + " is not a valid " + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
		}
	}
}
