package dev.hitter.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyArray;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.evaluation.Evaluation;
import dev.hitter.models.evaluation.EvaluationFiles;

/** A small demonstration version trained once, then evaluated as a researcher would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluateCommandTest {

	private Path dir;

	private ModelSetLayout layout;

	private Path version;

	/** What the training wrote, before any test here evaluates again. */
	private Evaluation byTrainer;

	private ModelCard audioCardByTrainer;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeAll
	void trainASmallDemonstrationSet(@TempDir Path root) throws Exception {
		dir = root;
		int status = TrainCommand.run(List.of("demo", "--out", dir.resolve("models").toString(), "--genres", "DANCE",
				"--examples", "80", "--epochs", "3", "--lyrics-length", "32", "--seed", "3", "--label-noise", "0.05"),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		layout = new ModelSetLayout(dir.resolve("models"));
		version = layout.latest(Genre.DANCE).orElseThrow();
		byTrainer = EvaluationFiles.read(version);
		audioCardByTrainer = ModelFiles.readCard(layout.card(version, ModelKind.AUDIO));
	}

	private int evaluate(String... args) {
		out.reset();
		err.reset();
		return EvaluateCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void trainingEndsWithAnEvaluationOfTheTestSplit() throws Exception {
		Evaluation evaluation = byTrainer;
		assertThat(evaluation.on()).isEqualTo(Evaluation.TEST_SPLIT);
		assertThat(evaluation.songs()).isEqualTo(12);
		assertThat(evaluation.lyrics()).isNotNull();
		ModelCard audio = audioCardByTrainer;
		assertThat(audio.evaluation().model()).isEqualTo(evaluation.audio());
		assertThat(audio.evaluation().scoredBy()).contains("trainer");
		assertThat(audio.evaluation().model().rocAuc().value()).isEqualTo(audio.test().rocAuc());
		assertThat(audio.hyperParameters().network()).containsEntry("channels", List.of(16, 32, 32));
		assertThat(ImageIO.read(version.resolve(Evaluation.ROC_PICTURE).toFile())).isNotNull();
	}

	@Test
	void reEvaluatesTheRegeneratedTestSplitWithTheExportedModelsAndGetsTheTrainersFigures() throws Exception {
		int status = evaluate("--models", layout.root().toString(), "--genre", "dance", "--resamples", "200");

		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(printed).contains("demonstration songs regenerated from the card (80 DANCE songs, seed 3, label noise "
				+ "0.05; counts match the card)", "is reproduced exactly", "ROC AUC", "precision at 2");
		Evaluation evaluation = EvaluationFiles.read(version);
		assertThat(evaluation.audio().rocAuc().value()).isEqualTo(byTrainer.audio().rocAuc().value());
		assertThat(evaluation.combined().brier().value()).isCloseTo(byTrainer.combined().brier().value(),
				org.assertj.core.api.Assertions.within(1e-6));
		ModelCard lyrics = ModelFiles.readCard(layout.card(version, ModelKind.LYRICS));
		assertThat(lyrics.evaluation().scoredBy()).contains("exported SavedModels");
		assertThat(lyrics.evaluation().combined()).isEqualTo(evaluation.combined());
	}

	@Test
	void aManifestWithOnlyNonHitsIsAClearError() throws Exception {
		StringBuilder manifest = new StringBuilder("id,genre,label,mel\n");
		for (int i = 0; i < 3; i++) {
			Npy.writeFloats(dir.resolve(i + ".npy"), NpyArray.ofFloats(new float[48 * 100], 48, 100));
			manifest.append("m").append(i).append(",DANCE,0,").append(i).append(".npy\n");
		}
		Files.writeString(dir.resolve("misses.csv"), manifest);

		int status = evaluate("--models", layout.root().toString(), "--genre", "DANCE", "--manifest",
				dir.resolve("misses.csv").toString());

		assertThat(status).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("has 3 songs and no hit",
				"need both hits and non-hits");
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertThat(evaluate()).isEqualTo(2);
		assertThat(evaluate("--models", layout.root().toString(), "--version", "v20260101-000000")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--version needs --genre");
		assertThat(evaluate("--models", layout.root().toString(), "--test-split")).isEqualTo(2);
		assertThat(evaluate("--models", layout.root().toString(), "--genre", "JAZZ")).isEqualTo(2);
	}
}
