package dev.hitter.trainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hitter.features.cli.Arguments;
import dev.hitter.features.cli.UsageException;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.evaluation.Evaluation;
import dev.hitter.models.evaluation.EvaluationFiles;
import dev.hitter.models.evaluation.EvaluationReport;
import dev.hitter.models.evaluation.Evaluator;
import dev.hitter.models.evaluation.HeldOutScores;
import dev.hitter.trainer.data.Manifest;
import dev.hitter.trainer.data.Song;
import dev.hitter.trainer.evaluation.EvaluationSongs;
import dev.hitter.trainer.evaluation.SavedModelScorer;

/**
 * The evaluation command ({@code ./hitter evaluate …}): scores a genre's model-set version on a manifest or on its
 * held-out test split, prints every metric with a 95 % bootstrap interval for audio, lyrics and combined, and
 * records the result in the version folder ({@code evaluation.json}, {@code roc.png}, {@code reliability.png}, the
 * cards' evaluation section). Exit status 0 when every genre was evaluated (passed or not: read
 * {@code evaluation.json}), 1 when one could not be, 2 on a usage error.
 */
public final class EvaluateCommand {

	static final String USAGE = """
			Usage: ./hitter evaluate [--models <models-root>] [--genre POP|BALLAD|DANCE] [--version v…] [options]

			Scores a model-set version (default: the version the genre's promotion pointer names, else the newest) and
			writes evaluation.json, roc.png and reliability.png into its folder and the results into both cards.
			Without --genre, every genre that has a version. Without --models, ./hitter passes the folder the
			prediction service serves (HITTER_MODELS_DIR, else $HITTER_HOME/models or prediction-service/default-models).

			Songs (default: the version's test split):
			  --manifest <file>      labelled songs, as for ./hitter train manifest (CSV or JSON lines); every song of
			                         the genre, or with --test-split only its test split (the ids in the version's
			                         splits.json, else the rows marked split=test)
			  --threshold <n>        popularity at or above which a manifest song is a hit (when rows have no label)
			  --test-split           with --manifest: only the test split
			  Without --manifest a demonstration version's test split is synthesised again from its card (same seed,
			  same songs; the counts are checked against the card). Other versions need --manifest.

			Options:
			  --resamples 1000       bootstrap resamples (stratified by label)
			  --seed <n>             resampling seed (default: the card's training seed)
			  --top-k <n>            k of precision at k (default: a tenth of the songs)

			Exit status: 0 evaluated (see "passed" in evaluation.json), 1 could not evaluate, 2 usage error.
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The promotion pointer of a genre, {@code <root>/<GENRE>/promoted.json}, naming the version served. */
	static final String PROMOTION_POINTER = "promoted.json";

	private EvaluateCommand() {
	}

	public static void main(String[] args) {
		System.exit(run(Arrays.asList(args), System.out, System.err));
	}

	static int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.isEmpty() || List.of("help", "-h", "--help").contains(args.get(0))) {
			out.print(USAGE);
			return args.isEmpty() ? 2 : 0;
		}
		List<Genre> genres;
		ModelSetLayout layout;
		String version;
		Path manifestFile;
		Double threshold;
		boolean testOnly;
		int resamples;
		Integer seed;
		int topK;
		try {
			Arguments options = new Arguments(args, Set.of("test-split"));
			layout = new ModelSetLayout(options.path("models"));
			String genre = options.optional("genre", null);
			genres = genre == null ? Arrays.asList(Genre.values()) : List.of(genre(genre));
			version = options.optional("version", null);
			if (version != null && genre == null) {
				throw new UsageException("--version needs --genre");
			}
			if (version != null && !ModelSetLayout.isVersionName(version)) {
				throw new UsageException("--version " + version + " is not a version name (v<YYYYMMDD-HHMMSS>)");
			}
			manifestFile = options.optionalPath("manifest");
			threshold = options.decimal("threshold", null, -1e300, 1e300);
			testOnly = options.flag("test-split");
			if (testOnly && manifestFile == null) {
				throw new UsageException("--test-split goes with --manifest (without it the test split is the default)");
			}
			if (manifestFile != null && !Files.isRegularFile(manifestFile)) {
				throw new UsageException("--manifest " + manifestFile + " is not a file");
			}
			resamples = options.integer("resamples", 1000, 10, 1_000_000);
			String seedText = options.optional("seed", null);
			seed = seedText == null ? null : options.integer("seed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
			topK = options.integer("top-k", 0, 1, Integer.MAX_VALUE);
			options.noneLeft();
			if (!Files.isDirectory(layout.root())) {
				throw new UsageException("--models " + layout.root() + " is not a folder");
			}
		}
		catch (UsageException ex) {
			err.println("evaluate: " + ex.getMessage());
			err.println();
			err.print(USAGE);
			return 2;
		}

		List<Song> manifestSongs = null;
		if (manifestFile != null) {
			try {
				Manifest.Contents contents = new Manifest(threshold).read(manifestFile);
				contents.problems().forEach(err::println);
				out.printf("%s: %d songs read, %d rows skipped%n", manifestFile.getFileName(), contents.songs().size(),
						contents.skipped());
				manifestSongs = contents.songs();
			}
			catch (IOException | RuntimeException ex) {
				err.println("evaluate: cannot read " + manifestFile + ": " + ex.getMessage());
				return 1;
			}
		}
		int evaluated = 0;
		List<Genre> failed = new ArrayList<>();
		for (Genre genre : genres) {
			Path versionDir;
			try {
				Optional<Path> chosen = chooseVersion(layout, genre, version, out);
				if (chosen.isEmpty()) {
					if (genres.size() == 1) {
						err.println("evaluate: no complete " + genre + " model set in " + layout.genre(genre));
						failed.add(genre);
					}
					continue;
				}
				versionDir = chosen.get();
				evaluate(layout, genre, versionDir, manifestFile, manifestSongs, testOnly, resamples, seed, topK, out);
				evaluated++;
			}
			catch (IOException | RuntimeException ex) {
				err.println("evaluate: " + genre + ": " + ex.getMessage());
				failed.add(genre);
			}
		}
		if (evaluated == 0 && failed.isEmpty()) {
			err.println("evaluate: no model set in " + layout.root());
			return 1;
		}
		return failed.isEmpty() ? 0 : 1;
	}

	private static void evaluate(ModelSetLayout layout, Genre genre, Path versionDir, Path manifestFile,
			List<Song> manifestSongs, boolean testOnly, int resamples, Integer seed, int topK, PrintStream out)
			throws IOException {
		ModelCard audioCard = ModelFiles.readCard(layout.card(versionDir, ModelKind.AUDIO));
		Optional<Set<String>> testIds = EvaluationSongs.recordedTestIds(versionDir);
		EvaluationSongs.Chosen chosen = manifestSongs != null
				? EvaluationSongs.manifest(manifestSongs, manifestFile, genre, testOnly, testIds,
						EvaluationSongs.recordedIds(versionDir, "train"))
				: EvaluationSongs.demonstrationTestSplit(audioCard, genre, testIds);
		String title = genre + " " + versionDir.getFileName();
		chosen.notes().forEach(note -> out.printf("%s: %s%n", title, note));
		if (chosen.songs().isEmpty()) {
			throw new IOException("no songs to evaluate " + title + " on");
		}
		Evaluator.requireBothClasses(hits(chosen.songs()));
		long started = System.nanoTime();
		HeldOutScores scores = SavedModelScorer.score(layout, versionDir, chosen.songs(), out);
		out.printf(Locale.ROOT, "%s: scored %d songs with the exported SavedModels (%.1f s)%n", title,
				chosen.songs().size(), (System.nanoTime() - started) / 1e9);
		reproducesTheCard(audioCard, scores, chosen, title, out);
		long resamplingSeed = seed != null ? seed
				: audioCard.trainingData() != null ? audioCard.trainingData().seed() : 7;
		Evaluator.Settings settings = new Evaluator.Settings(resamples, resamplingSeed, topK);
		Evaluation evaluation = Evaluator.evaluate(scores, chosen.on(), settings, Instant.now());
		List<String> reasons = new ArrayList<>(evaluation.reasons());
		reasons.addAll(chosen.notes());
		evaluation = new Evaluation(evaluation.evaluatedAt(), evaluation.on(), evaluation.songs(),
				evaluation.positives(), evaluation.audio(), evaluation.lyrics(), evaluation.combined(),
				evaluation.passed(), reasons);
		EvaluationFiles.record(layout, versionDir, evaluation, scores, title, settings.describe(scores.songs()),
				SavedModelScorer.SCORED_BY);
		out.print(EvaluationReport.text(title, evaluation));
		out.printf("%s: wrote %s, %s, %s and the cards' evaluation section in %s%n", title, Evaluation.FILE,
				Evaluation.ROC_PICTURE, Evaluation.RELIABILITY_PICTURE, versionDir);
	}

	/**
	 * On the version's own test split the audio card's test metrics must come out again (the same songs, the same
	 * model): a check that the songs are the ones it was tested on. Said, not enforced: a card can predate a fix.
	 */
	private static void reproducesTheCard(ModelCard audioCard, HeldOutScores scores, EvaluationSongs.Chosen chosen,
			String title, PrintStream out) {
		if (!Evaluation.TEST_SPLIT.equals(chosen.on()) || audioCard.test() == null) {
			return;
		}
		double recorded = audioCard.test().rocAuc();
		double now = dev.hitter.models.BinaryMetrics.of(scores.audio(), scores.hits()).rocAuc();
		boolean same = Math.abs(recorded - now) < 1e-9;
		String line = String.format(Locale.ROOT, "the audio card's test ROC AUC %.6f %s (now %.6f)", recorded,
				same ? "is reproduced exactly" : "is NOT reproduced", now);
		out.printf("%s: %s%n", title, line);
		chosen.notes().add(line);
	}

	/** The version to evaluate: the one asked for, else the promoted one, else the newest complete one. */
	static Optional<Path> chooseVersion(ModelSetLayout layout, Genre genre, String version, PrintStream out)
			throws IOException {
		if (version != null) {
			Path dir = layout.version(genre, version);
			if (!layout.isComplete(dir)) {
				throw new IOException(dir + " is not a complete model-set version");
			}
			return Optional.of(dir);
		}
		Path pointer = layout.genre(genre).resolve(PROMOTION_POINTER);
		if (Files.isRegularFile(pointer)) {
			String promoted = promotedVersion(pointer);
			if (promoted != null && ModelSetLayout.isVersionName(promoted)
					&& layout.isComplete(layout.version(genre, promoted))) {
				out.printf("%s: evaluating the promoted version %s%n", genre, promoted);
				return Optional.of(layout.version(genre, promoted));
			}
			out.printf("%s: %s names no complete version; evaluating the newest instead%n", genre, pointer);
		}
		return layout.latest(genre);
	}

	/** The pointer's current version: a string field {@code current} (or {@code current.version}). */
	private static String promotedVersion(Path pointer) throws IOException {
		try {
			JsonNode current = JSON.readTree(Files.readString(pointer)).get("current");
			if (current == null) {
				return null;
			}
			return current.isObject() ? (current.get("version") == null ? null : current.get("version").asString())
					: current.asString();
		}
		catch (JacksonException ex) {
			throw new IOException(pointer + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static boolean[] hits(List<Song> songs) {
		boolean[] out = new boolean[songs.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = songs.get(i).hit();
		}
		return out;
	}

	private static Genre genre(String text) {
		try {
			return Genre.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--genre takes POP, BALLAD or DANCE, not '" + text.trim() + "'");
		}
	}
}
