package dev.hitter.serving.promotion;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.hitter.features.cli.Arguments;
import dev.hitter.features.cli.UsageException;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.Promotion;
import dev.hitter.serving.GenreModels;
import dev.hitter.serving.TensorFlowNatives;

/**
 * The operators' model command ({@code ./hitter models …}): lists the trained versions with their evaluations side
 * by side, promotes one (the server serves only promoted versions) and rolls back to the one promoted before. It
 * changes nothing but the genre's pointer {@code promoted.json} in the models folder; every server watching the folder
 * picks the change up within its reload interval. Exit status 0 when done, 1 when refused (nothing changed), 2 on a
 * usage error.
 */
public final class ModelsCommand {

	static final String USAGE = """
			Usage: ./hitter models <list|promote|rollback> [options]

			  list                              every genre's versions, their evaluations side by side; '*' marks the
			                                    promoted (served) one, 'r' the one a rollback would serve
			  promote <version> [--genre G]     serve <version> (of every genre that has it, or of G only); refused
			                                    unless its evaluation.json says passed and it loads in TensorFlow
			  rollback [--genre G]              serve the version promoted before again: of G, or of the genres the
			                                    last promote or rollback changed

			Options:
			  --models <dir>    the models folder (default: HITTER_MODELS_DIR; ./hitter passes the folder ./hitter run
			                    serves)
			  --genre POP|BALLAD|DANCE
			""";

	private final ModelSetLayout layout;

	private final PrintStream out;

	private final PrintStream err;

	private ModelsCommand(Path root, PrintStream out, PrintStream err) {
		this.layout = new ModelSetLayout(root);
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		// No logging library in the tool's jar: what goes wrong is printed by the command itself, so SLF4J is told
		// to stay quiet rather than warn that it has nowhere to log.
		if (System.getProperty("slf4j.provider") == null) {
			System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
			System.setProperty("slf4j.internal.verbosity", "WARN");
		}
		System.exit(run(Arrays.asList(args), System.getenv("HITTER_MODELS_DIR"), System.out, System.err));
	}

	/**
	 * Runs one command.
	 *
	 * @param defaultRoot the models folder when {@code --models} is not given (HITTER_MODELS_DIR), or null
	 * @return the exit status
	 */
	public static int run(List<String> args, String defaultRoot, PrintStream out, PrintStream err) {
		if (args.isEmpty() || List.of("help", "-h", "--help").contains(args.get(0))) {
			out.print(USAGE);
			return args.isEmpty() ? 2 : 0;
		}
		String command = args.get(0);
		try {
			List<String> rest = new ArrayList<>(args.subList(1, args.size()));
			String version = null;
			if (command.equals("promote")) {
				if (rest.isEmpty() || rest.get(0).startsWith("--")) {
					throw new UsageException("promote needs the version to promote, e.g. v20261127-204800");
				}
				version = rest.remove(0);
			}
			Arguments options = new Arguments(rest, Set.of());
			String root = options.optional("models", defaultRoot);
			if (root == null || root.isBlank()) {
				throw new UsageException("say which models folder: --models <dir> or HITTER_MODELS_DIR");
			}
			Genre genre = genre(options.optional("genre", null));
			options.noneLeft();
			Path folder = Path.of(root);
			if (!Files.isDirectory(folder)) {
				err.println("models: the models folder " + folder.toAbsolutePath() + " does not exist");
				return 1;
			}
			ModelsCommand models = new ModelsCommand(folder, out, err);
			return switch (command) {
				case "list" -> {
					if (genre != null) {
						models.list(genre);
					}
					else {
						for (Genre each : Genre.values()) {
							models.list(each);
						}
					}
					yield 0;
				}
				case "promote" -> models.promote(version, genre);
				case "rollback" -> models.rollback(genre);
				default -> throw new UsageException("unknown command '" + command + "'");
			};
		}
		catch (UsageException ex) {
			err.println("models: " + ex.getMessage());
			err.println();
			err.print(USAGE);
			return 2;
		}
		catch (IOException | RuntimeException ex) {
			err.println("models " + command + ": " + ex.getMessage());
			return 1;
		}
	}

	private static Genre genre(String name) {
		if (name == null) {
			return null;
		}
		try {
			return Genre.valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--genre must be one of " + Arrays.toString(Genre.values()) + ", not '" + name + "'");
		}
	}

	// --- list -----------------------------------------------------------------------------------------------------

	private void list(Genre genre) {
		Path dir = layout.genre(genre);
		List<String> versions = layout.versions(genre);
		Promotion promotion;
		try {
			promotion = layout.promotion(genre).orElse(null);
		}
		catch (IOException ex) {
			out.printf("%s  %s: CANNOT READ THE POINTER: %s%n", genre, dir, ex.getMessage());
			promotion = null;
		}
		if (promotion == null) {
			out.printf("%s  %s: nothing promoted, nothing served%s%n", genre, dir,
					versions.isEmpty() ? "" : " (./hitter models promote <version> --genre " + genre + ")");
		}
		else {
			out.printf("%s  %s: %s promoted %s%s%n", genre, dir, promotion.version(),
					promotion.promotedAt().truncatedTo(ChronoUnit.SECONDS),
					versions.contains(promotion.version()) ? "" : " — MISSING OR INCOMPLETE: the server keeps what it had");
		}
		if (versions.isEmpty()) {
			out.println("   (no complete version)");
			out.println();
			return;
		}
		String format = "%-2s %-22s %-24s %-24s %-24s %-24s %7s  %s%n";
		out.printf(format, "", "version", "combined ROC AUC", "audio ROC AUC", "lyrics ROC AUC", "combined ECE", "songs",
				"evaluation");
		String served = promotion == null ? null : promotion.version();
		String back = promotion == null ? null : promotion.rollbackTarget().orElse(null);
		for (String version : versions) {
			String mark = version.equals(served) ? "*" : version.equals(back) ? "r" : "";
			Path file = layout.evaluation(layout.version(genre, version));
			if (!Files.exists(file)) {
				out.printf(format, mark, version, "-", "-", "-", "-", "-", "not evaluated (./hitter evaluate)");
				continue;
			}
			try {
				EvaluationSummary evaluation = EvaluationSummary.read(file);
				out.printf(format, mark, version, text(evaluation.combined()), text(evaluation.audio()),
						text(evaluation.lyrics()), text(evaluation.ece()),
						evaluation.songs() == null ? "-" : evaluation.songs().toString(),
						(evaluation.passed() ? "passed" : "FAILED: " + String.join("; ", evaluation.reasons()))
								+ (evaluation.on() == null ? "" : " (" + evaluation.on() + ")"));
			}
			catch (IOException ex) {
				out.printf(format, mark, version, "-", "-", "-", "-", "-", "UNREADABLE: " + ex.getMessage());
			}
		}
		out.println();
	}

	private static String text(EvaluationSummary.Interval interval) {
		return interval == null ? "-" : interval.toString();
	}

	// --- promote --------------------------------------------------------------------------------------------------

	private int promote(String version, Genre only) throws IOException {
		if (!ModelSetLayout.isVersionName(version)) {
			err.println("models promote: refused: '" + version + "' is not a version name (vYYYYMMDD-HHMMSS)");
			return 1;
		}
		List<Genre> genres = new ArrayList<>();
		if (only != null) {
			genres.add(only);
		}
		else {
			for (Genre genre : Genre.values()) {
				if (Files.isDirectory(layout.version(genre, version))) {
					genres.add(genre);
				}
			}
			if (genres.isEmpty()) {
				err.println("models promote: refused: no genre has a version " + version + " in "
						+ layout.root().toAbsolutePath() + " (./hitter models list)");
				return 1;
			}
		}
		// Every genre is checked before any pointer changes: a promotion is all or nothing.
		Map<Genre, Optional<Promotion>> current = new EnumMap<>(Genre.class);
		List<Genre> changing = new ArrayList<>();
		for (Genre genre : genres) {
			Optional<Promotion> promotion = layout.promotion(genre);
			current.put(genre, promotion);
			if (promotion.isPresent() && promotion.get().version().equals(version)) {
				out.printf("%s: %s is already promoted%n", genre, version);
				continue;
			}
			String refusal = refusal(genre, version);
			if (refusal != null) {
				err.printf("models promote: refused: %s %s %s; %s%n", genre, version, refusal,
						promotion.map(p -> "still serving " + p.version()).orElse("nothing is served"));
				return 1;
			}
			changing.add(genre);
		}
		Instant now = Instant.now();
		for (Genre genre : changing) {
			Optional<Promotion> before = current.get(genre);
			Promotion after = before.map(p -> p.promote(version, now)).orElseGet(() -> Promotion.first(genre, version, now));
			layout.writePromotion(after);
			out.printf("%s: promoted %s%s; servers watching %s switch within their reload interval%n", genre, version,
					before.map(p -> " (was " + p.version() + "; ./hitter models rollback --genre " + genre + " goes back)")
						.orElse(""), layout.root().toAbsolutePath());
		}
		return 0;
	}

	/** Why {@code version} may not be served, or null when it may. */
	private String refusal(Genre genre, String version) {
		Path versionDir = layout.version(genre, version);
		if (!Files.isDirectory(versionDir)) {
			return "does not exist in " + layout.genre(genre).toAbsolutePath() + " (./hitter models list)";
		}
		if (!layout.isComplete(versionDir)) {
			return "is incomplete (audio/, lyrics/ with saved_model.pb and card.json, vocabulary.txt and "
					+ "combination.json are needed): still being written, or broken";
		}
		Path file = layout.evaluation(versionDir);
		if (!Files.isRegularFile(file)) {
			return "has not been evaluated (no " + ModelSetLayout.EVALUATION + "): run ./hitter evaluate on it first";
		}
		EvaluationSummary evaluation;
		try {
			evaluation = EvaluationSummary.read(file);
		}
		catch (IOException ex) {
			return "has an unreadable evaluation: " + ex.getMessage();
		}
		if (!evaluation.passed()) {
			return "failed its evaluation" + (evaluation.reasons().isEmpty() ? "" : ": " + String.join("; ",
					evaluation.reasons()));
		}
		try {
			TensorFlowNatives.install(nativesFolder());
			GenreModels.checkServable(layout, genre, versionDir);
		}
		catch (Exception | LinkageError ex) {
			return "does not load: " + ex.getMessage();
		}
		return null;
	}

	/** Where the prediction service keeps the TensorFlow natives, so that they are not unpacked twice. */
	private static Path nativesFolder() {
		String folder = System.getenv("HITTER_MODELS_NATIVES");
		return folder == null || folder.isBlank() ? TensorFlowNatives.defaultFolder() : Path.of(folder);
	}

	// --- rollback -------------------------------------------------------------------------------------------------

	private int rollback(Genre only) throws IOException {
		Map<Genre, Promotion> pointers = new EnumMap<>(Genre.class);
		for (Genre genre : only == null ? List.of(Genre.values()) : List.of(only)) {
			layout.promotion(genre).ifPresent(promotion -> pointers.put(genre, promotion));
		}
		if (pointers.isEmpty()) {
			err.println("models rollback: refused: " + (only == null ? "no genre has" : only + " has")
					+ " a promoted version in " + layout.root().toAbsolutePath() + "; nothing to roll back");
			return 1;
		}
		List<Genre> genres = new ArrayList<>(pointers.keySet());
		if (only == null) {
			// The genres that the last promote or rollback changed: they share its instant.
			Instant last = pointers.values().stream().map(Promotion::promotedAt).max(Instant::compareTo).orElseThrow();
			genres.removeIf(genre -> !pointers.get(genre).promotedAt().equals(last));
		}
		Instant now = Instant.now();
		Map<Genre, Promotion> after = new EnumMap<>(Genre.class);
		for (Genre genre : genres) {
			Promotion promotion = pointers.get(genre);
			Optional<Promotion> back = promotion.rollback(now);
			if (back.isEmpty()) {
				err.printf("models rollback: refused: %s has no version promoted before %s; it stays served%n", genre,
						promotion.version());
				return 1;
			}
			Path versionDir = ModelSetLayout.isVersionName(back.get().version())
					? layout.version(genre, back.get().version()) : null;
			if (versionDir == null || !layout.isComplete(versionDir)) {
				err.printf("models rollback: refused: %s %s, the version promoted before %s, is no longer complete in %s;"
						+ " promote another one%n", genre, back.get().version(), promotion.version(),
						layout.genre(genre).toAbsolutePath());
				return 1;
			}
			after.put(genre, back.get());
		}
		for (Map.Entry<Genre, Promotion> entry : after.entrySet()) {
			layout.writePromotion(entry.getValue());
			out.printf("%s: rolled back from %s to %s; servers watching %s switch within their reload interval%n",
					entry.getKey(), pointers.get(entry.getKey()).version(), entry.getValue().version(),
					layout.root().toAbsolutePath());
		}
		return 0;
	}
}
