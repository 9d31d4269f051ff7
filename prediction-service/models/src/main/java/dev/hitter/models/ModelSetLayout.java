package dev.hitter.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where model sets live: {@code <root>/<GENRE>/<version>/} holding {@code audio/} and {@code lyrics/} (each a
 * SavedModel with its {@code card.json}), {@code vocabulary.txt} and {@code combination.json}. Versions are
 * named {@code vYYYYMMDD-HHMMSS} so that the newest sorts last; a trainer only ever adds a version, and the
 * server serves the newest complete one.
 */
public record ModelSetLayout(Path root) {

	private static final Pattern VERSION = Pattern.compile("v\\d{8}-\\d{6}(-[a-z0-9-]+)?");

	private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	public static final String CARD = "card.json";

	public static final String VOCABULARY = "vocabulary.txt";

	public static final String COMBINATION = "combination.json";

	/** A version name for a set trained at {@code when}. */
	public static String versionAt(Instant when) {
		return "v" + VERSION_TIME.format(when);
	}

	public static boolean isVersionName(String name) {
		return VERSION.matcher(name).matches();
	}

	public Path genre(Genre genre) {
		return root.resolve(genre.name());
	}

	public Path version(Genre genre, String version) {
		if (!isVersionName(version)) {
			throw new IllegalArgumentException("not a model-set version: " + version);
		}
		return genre(genre).resolve(version);
	}

	public Path model(Path versionDir, ModelKind kind) {
		return versionDir.resolve(kind.folder());
	}

	public Path card(Path versionDir, ModelKind kind) {
		return model(versionDir, kind).resolve(CARD);
	}

	public Path vocabulary(Path versionDir) {
		return versionDir.resolve(VOCABULARY);
	}

	public Path combination(Path versionDir) {
		return versionDir.resolve(COMBINATION);
	}

	/** The complete versions of a genre, oldest first (a version being written is not complete). */
	public List<String> versions(Genre genre) {
		Path dir = genre(genre);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> children = Files.list(dir)) {
			return children.filter(Files::isDirectory)
				.filter(child -> isVersionName(child.getFileName().toString()))
				.filter(this::isComplete)
				.map(child -> child.getFileName().toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The newest complete version of a genre, if any. */
	public Optional<Path> latest(Genre genre) {
		List<String> versions = versions(genre);
		return versions.isEmpty() ? Optional.empty() : Optional.of(genre(genre).resolve(versions.get(versions.size() - 1)));
	}

	/** Both models with their cards, the vocabulary and the combination are there. */
	public boolean isComplete(Path versionDir) {
		for (ModelKind kind : ModelKind.values()) {
			if (!Files.isRegularFile(model(versionDir, kind).resolve("saved_model.pb"))
					|| !Files.isRegularFile(card(versionDir, kind))) {
				return false;
			}
		}
		return Files.isRegularFile(vocabulary(versionDir)) && Files.isRegularFile(combination(versionDir));
	}
}
