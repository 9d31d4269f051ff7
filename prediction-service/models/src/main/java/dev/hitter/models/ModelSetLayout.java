package dev.hitter.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where model sets live: {@code <root>/<GENRE>/<version>/} holding {@code audio/} and {@code lyrics/} (each a
 * SavedModel with its {@code card.json}), {@code vocabulary.txt}, {@code combination.json} and, once evaluated,
 * {@code evaluation.json}. Versions are named {@code vYYYYMMDD-HHMMSS} so that the newest sorts last; a trainer only
 * ever adds a version. The server serves the version named by the genre's pointer {@code <root>/<GENRE>/promoted.json}
 * ({@link Promotion}), never simply the newest: a version is served once it has been evaluated and promoted.
 */
public record ModelSetLayout(Path root) {

	private static final Pattern VERSION = Pattern.compile("v\\d{8}-\\d{6}(-[a-z0-9-]+)?");

	private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	public static final String CARD = "card.json";

	public static final String VOCABULARY = "vocabulary.txt";

	public static final String COMBINATION = "combination.json";

	/** The evaluation a version is promoted on (written by {@code ./hitter evaluate} and at the end of training). */
	public static final String EVALUATION = "evaluation.json";

	/** The genre's promotion pointer, beside its versions. */
	public static final String PROMOTION = "promoted.json";

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

	public Path evaluation(Path versionDir) {
		return versionDir.resolve(EVALUATION);
	}

	public Path promotionFile(Genre genre) {
		return genre(genre).resolve(PROMOTION);
	}

	/**
	 * The genre's promotion pointer, or empty when no version was ever promoted (then nothing is served).
	 *
	 * @throws IOException if the pointer is there but cannot be read
	 */
	public Optional<Promotion> promotion(Genre genre) throws IOException {
		Path file = promotionFile(genre);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		Promotion promotion = ModelFiles.readPromotion(file);
		if (promotion.genre() != genre) {
			throw new IOException(file + " names the genre " + promotion.genre() + ", not " + genre);
		}
		return Optional.of(promotion);
	}

	/** The promoted version's folder, if a version is promoted (it may be missing or incomplete: check). */
	public Optional<Path> promoted(Genre genre) throws IOException {
		Optional<Promotion> promotion = promotion(genre);
		return promotion.isEmpty() || !isVersionName(promotion.get().version()) ? Optional.empty()
				: Optional.of(version(genre, promotion.get().version()));
	}

	/**
	 * Replaces the genre's pointer atomically (a temporary file of its own, then an atomic rename): a server polling
	 * the folder, or another replica on a shared volume, reads the old pointer or the new one, never half of one.
	 */
	public void writePromotion(Promotion promotion) throws IOException {
		Path dir = genre(promotion.genre());
		Files.createDirectories(dir);
		Path partial = Files.createTempFile(dir, ".promoted-", ".json.partial");
		try {
			Files.writeString(partial, ModelFiles.toJson(promotion) + "\n", StandardCharsets.UTF_8);
			Files.move(partial, promotionFile(promotion.genre()), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
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

	/** The newest complete version of a genre, if any: what was trained last, not necessarily what is served. */
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
