package dev.hitter.serving.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.models.Genre;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.Promotion;
import dev.hitter.serving.FixtureModelSets;

/**
 * {@code ./hitter models}: promote only what passed its evaluation and loads, roll back to what was promoted before,
 * list the versions with their figures; every refusal leaves the pointer as it was.
 */
class ModelsCommandTest {

	static final Path FIXTURES = Path.of("src/test/resources/model-sets");

	static final String VERSION = "v20261120-000000";

	static final String NEWER = "v20261127-000000";

	@TempDir
	Path root;

	ModelSetLayout layout;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void models() {
		FixtureModelSets.copyTree(FIXTURES.resolve("all"), root);
		FixtureModelSets.copyTree(FIXTURES.resolve("newer/POP/" + NEWER), root.resolve("POP/" + NEWER));
		layout = new ModelSetLayout(root);
	}

	@Test
	void promotesAnEvaluatedVersionThatLoadsAndRollsBack() throws IOException {
		assertThat(run("promote", NEWER)).as(err()).isZero();

		Promotion promoted = layout.promotion(Genre.POP).orElseThrow();
		assertThat(promoted.version()).isEqualTo(NEWER);
		assertThat(promoted.rollbackTarget()).contains(VERSION);
		assertThat(promoted.history()).extracting(Promotion.Change::action).containsExactly("promote", "promote");
		assertThat(out()).contains("POP: promoted " + NEWER + " (was " + VERSION);
		assertThat(layout.promotion(Genre.BALLAD).orElseThrow().version()).as("other genres untouched")
			.isEqualTo(VERSION);
		assertThat(leftovers()).as("no temporary pointer left").isEmpty();

		assertThat(run("rollback")).as(err()).isZero();

		Promotion back = layout.promotion(Genre.POP).orElseThrow();
		assertThat(back.version()).isEqualTo(VERSION);
		assertThat(back.previous()).isEmpty();
		assertThat(back.history()).last().satisfies(change -> {
			assertThat(change.action()).isEqualTo("rollback");
			assertThat(change.from()).isEqualTo(NEWER);
			assertThat(change.to()).isEqualTo(VERSION);
		});
		assertThat(out()).contains("POP: rolled back from " + NEWER + " to " + VERSION);
		assertThat(layout.promotion(Genre.DANCE).orElseThrow().version()).isEqualTo(VERSION);
	}

	@Test
	void refusesARollbackWithNothingPromotedBefore() throws IOException {
		byte[] before = Files.readAllBytes(layout.promotionFile(Genre.POP));

		assertThat(run("rollback", "--genre", "pop")).isEqualTo(1);

		assertThat(err()).contains("refused: POP has no version promoted before " + VERSION);
		assertThat(Files.readAllBytes(layout.promotionFile(Genre.POP))).isEqualTo(before);
	}

	@Test
	void refusesAVersionThatWasNotEvaluated() throws IOException {
		Files.delete(layout.evaluation(layout.version(Genre.POP, NEWER)));

		assertRefused("has not been evaluated (no evaluation.json): run ./hitter evaluate");
	}

	@Test
	void refusesAVersionThatFailedItsEvaluation() throws IOException {
		Path evaluation = layout.evaluation(layout.version(Genre.POP, NEWER));
		Files.writeString(evaluation, Files.readString(evaluation)
			.replace("\"passed\" : true", "\"passed\" : false")
			.replace("\"reasons\" : [ ]", "\"reasons\" : [ \"combined ROC AUC interval [0.46, 0.58] reaches 0.5\" ]"));

		assertRefused("failed its evaluation: combined ROC AUC interval [0.46, 0.58] reaches 0.5");
	}

	@Test
	void refusesAnUnreadableEvaluation() throws IOException {
		Files.writeString(layout.evaluation(layout.version(Genre.POP, NEWER)), "{ \"songs\": 3 }");

		assertRefused("has an unreadable evaluation");
	}

	@Test
	void refusesAVersionThatDoesNotLoad() throws IOException {
		Files.writeString(layout.version(Genre.POP, NEWER).resolve("lyrics/saved_model.pb"), "not a graph");

		assertRefused("does not load");
	}

	@Test
	void refusesAMissingOrIncompleteVersion() throws IOException {
		assertThat(run("promote", "v20300101-000000", "--genre", "POP")).isEqualTo(1);
		assertThat(err()).contains("refused: POP v20300101-000000 does not exist");
		assertThat(run("promote", "v20300101-000000")).isEqualTo(1);
		assertThat(err()).contains("refused: no genre has a version v20300101-000000");

		Files.delete(layout.combination(layout.version(Genre.POP, NEWER)));
		assertRefused("is incomplete");
	}

	@Test
	void promotingTheServedVersionChangesNothing() throws IOException {
		byte[] before = Files.readAllBytes(layout.promotionFile(Genre.POP));

		assertThat(run("promote", VERSION, "--genre", "POP")).isZero();

		assertThat(out()).contains("POP: " + VERSION + " is already promoted");
		assertThat(Files.readAllBytes(layout.promotionFile(Genre.POP))).isEqualTo(before);
	}

	@Test
	void promotesAGenreThatHadNothingPromoted() throws IOException {
		Files.delete(layout.promotionFile(Genre.DANCE));

		assertThat(run("promote", VERSION, "--genre", "DANCE")).as(err()).isZero();

		Promotion first = layout.promotion(Genre.DANCE).orElseThrow();
		assertThat(first.version()).isEqualTo(VERSION);
		assertThat(first.rollbackTarget()).isEmpty();
	}

	@Test
	void listsEveryVersionWithItsEvaluationAndMarksTheServedOne() throws IOException {
		Files.delete(layout.promotionFile(Genre.DANCE));

		assertThat(run("list")).as(err()).isZero();

		String listing = out();
		assertThat(listing).contains("POP  " + root.resolve("POP") + ": " + VERSION + " promoted 2026-11-20T12:00:00Z");
		assertThat(lineOf(listing, "*  " + VERSION)).contains("0.740 [0.690, 0.790]")
			.contains("0.710 [0.660, 0.760]")
			.contains("0.580 [0.510, 0.650]")
			.contains("0.028 [0.015, 0.047]")
			.contains("400")
			.contains("passed (test split)");
		assertThat(lineOf(listing, "   " + NEWER)).contains("0.770 [0.720, 0.820]");
		assertThat(listing).contains("DANCE  " + root.resolve("DANCE") + ": nothing promoted, nothing served");

		run("promote", NEWER);
		out.reset();
		run("list", "--genre", "POP");
		assertThat(lineOf(out(), "*  " + NEWER)).contains("passed");
		assertThat(lineOf(out(), "r  " + VERSION)).contains("passed");
		assertThat(out()).doesNotContain("BALLAD");
	}

	@Test
	void saysHowToUseIt() {
		assertThat(run()).isEqualTo(2);
		assertThat(run("promote")).isEqualTo(2);
		assertThat(err()).contains("promote needs the version");
		assertThat(run("list", "--genre", "JAZZ")).isEqualTo(2);
		assertThat(err()).contains("--genre must be one of");
		assertThat(run("rollback", "--genres", "POP")).isEqualTo(2);
		assertThat(err()).contains("unknown option --genres");
		assertThat(ModelsCommand.run(List.of("list"), null, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
		assertThat(err()).contains("--models <dir> or HITTER_MODELS_DIR");
		assertThat(run("help")).isZero();
	}

	private void assertRefused(String reason) throws IOException {
		byte[] before = Files.readAllBytes(layout.promotionFile(Genre.POP));
		err.reset();

		assertThat(run("promote", NEWER, "--genre", "POP")).isEqualTo(1);

		assertThat(err()).contains("models promote: refused: POP " + NEWER).contains(reason)
			.contains("still serving " + VERSION);
		assertThat(Files.readAllBytes(layout.promotionFile(Genre.POP))).as("pointer unchanged").isEqualTo(before);
	}

	private int run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		if (!all.isEmpty() && !all.get(0).equals("help")) {
			all.add("--models");
			all.add(root.toString());
		}
		return ModelsCommand.run(all, null, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private static String lineOf(String text, String start) {
		return text.lines().filter(line -> line.startsWith(start)).findFirst()
			.orElseThrow(() -> new AssertionError("no line starting with '" + start + "' in:\n" + text));
	}

	private List<Path> leftovers() throws IOException {
		try (Stream<Path> files = Files.list(root.resolve("POP"))) {
			return files.filter(file -> file.getFileName().toString().endsWith(".partial")).toList();
		}
	}
}
