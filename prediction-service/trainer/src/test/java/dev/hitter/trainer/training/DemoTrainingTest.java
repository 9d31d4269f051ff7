package dev.hitter.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import dev.hitter.features.lyrics.LyricsSpec;
import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyArray;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.Sigmoid;
import dev.hitter.models.Signatures;
import dev.hitter.trainer.data.TrainingSet;
import dev.hitter.trainer.demo.DemoSongs;
import dev.hitter.trainer.modelset.ParityFiles;

/** One small demonstration training, shared by the checks below (training is the slow part). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTrainingTest {

	private static final int LENGTH = 64;

	private TrainedVersion trained;

	private ModelSetLayout layout;

	private String progress;

	@BeforeAll
	void trainPopOnDemoSongs(@TempDir Path root) throws Exception {
		layout = new ModelSetLayout(root);
		TrainingSet set = new TrainingSet(Genre.POP, new DemoSongs(11, 0.0).generate(Genre.POP, 240), "synthetic-demo",
				"240 synthetic POP songs", DemoSongs.LABEL_RULE, true);
		TrainingSettings settings = TrainingSettings.defaults()
			.withEpochs(20)
			.withPatience(5)
			.withSeed(11)
			.withMinTokenCount(1)
			.withLyricsSpec(new LyricsSpec("lyrics-test-64", LENGTH, 20_000, true, true))
			.withParity(4);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		trained = new GenreTrainer(settings, new PrintStream(out, true, StandardCharsets.UTF_8)).train(set, layout);
		progress = out.toString(StandardCharsets.UTF_8);
		System.out.print(progress);
	}

	@Test
	void bothModelsRankHeldOutSongsWell() {
		assertThat(trained.audio().validation().rocAuc()).isGreaterThanOrEqualTo(0.95);
		assertThat(trained.audio().test().rocAuc()).isGreaterThanOrEqualTo(0.95);
		assertThat(trained.lyrics().validation().rocAuc()).isGreaterThanOrEqualTo(0.95);
		assertThat(trained.lyrics().test().rocAuc()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void endsWithTheTestSplitsEvaluationInTheFolderAndBothCards() throws Exception {
		dev.hitter.models.evaluation.Evaluation evaluation = dev.hitter.models.evaluation.EvaluationFiles
			.read(trained.folder());
		assertThat(evaluation).isEqualTo(trained.evaluation());
		assertThat(evaluation.songs()).isEqualTo(trained.combinedTest().count());
		assertThat(evaluation.combined().rocAuc().value()).isEqualTo(trained.combinedTest().rocAuc());
		assertThat(evaluation.combined().rocAuc().low()).isGreaterThan(0.5);
		assertThat(evaluation.passed()).isTrue();
		assertThat(trained.folder().resolve("roc.png")).isRegularFile();
		assertThat(trained.folder().resolve("reliability.png")).isRegularFile();
		for (ModelKind kind : ModelKind.values()) {
			ModelCard card = ModelFiles.readCard(layout.card(trained.folder(), kind));
			assertThat(card.evaluation().on()).isEqualTo("test split");
			assertThat(card.evaluation().method()).contains("1000 resamples", "seed 11", "10 equal-width");
			assertThat(card.hyperParameters().learningRate()).isCloseTo(2e-3, org.assertj.core.api.Assertions.within(1e-9));
			assertThat(card.hyperParameters().epochs()).isEqualTo(20);
			assertThat(card.hyperParameters().threads()).isEqualTo(2);
		}
		assertThat(progress).contains("POP " + trained.version() + " on the test split", "passed");
	}

	@Test
	void progressShowsEpochsLossAndValidationAuc() {
		assertThat(progress).contains("POP audio epoch 1/20", "train loss", "validation AUC", "POP lyrics epoch 1/20");
	}

	@Test
	void writesOneCompleteVersionAndNothingHalfDone() throws Exception {
		assertThat(layout.latest(Genre.POP)).contains(trained.folder());
		assertThat(layout.isComplete(trained.folder())).isTrue();
		try (Stream<Path> children = Files.list(layout.genre(Genre.POP))) {
			assertThat(children.map(path -> path.getFileName().toString())).containsExactly(trained.version());
		}
		assertThat(ModelFiles.readCombination(layout.combination(trained.folder()))).isEqualTo(trained.combination());
	}

	@Test
	void cardsAreCompleteAndSayDemonstration() throws Exception {
		for (ModelKind kind : ModelKind.values()) {
			ModelCard card = ModelFiles.readCard(layout.card(trained.folder(), kind));
			assertThat(card).hasNoNullFieldsOrPropertiesExcept("featureSpec");
			assertThat(card.demonstration()).isTrue();
			assertThat(card.notice()).isEqualTo(ModelCard.DEMONSTRATION_NOTICE);
			assertThat(card.version()).isEqualTo(trained.version());
			assertThat(card.trainingData()).hasNoNullFieldsOrProperties();
			assertThat(card.trainingData().examples()).isEqualTo(240);
			assertThat(card.architecture()).contains("parameters", "best epoch");
		}
		ModelCard lyrics = ModelFiles.readCard(layout.card(trained.folder(), ModelKind.LYRICS));
		byte[] vocabulary = Files.readAllBytes(layout.vocabulary(trained.folder()));
		assertThat(lyrics.featureSpec().vocabularySha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(vocabulary)));
		assertThat(lyrics.featureSpec().id()).isEqualTo("lyrics-test-64");
		ModelCard audio = ModelFiles.readCard(layout.card(trained.folder(), ModelKind.AUDIO));
		assertThat(audio.featureSpec().id()).isEqualTo("melon-v1");
		assertThat(audio.featureSpec().settings()).containsEntry("hopLength", 256).containsEntry("timePositions", 117);
	}

	@Test
	void audioSavedModelReloadsWithTheSignatureAndMatchesTheParityFiles() throws Exception {
		Path model = layout.model(trained.folder(), ModelKind.AUDIO);
		NpyArray mel = Npy.read(model.resolve(ParityFiles.FOLDER).resolve("mel.npy"));
		assertThat(mel.shape()).containsExactly(4, 1876, 48);
		try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), Signatures.TAG);
				TFloat32 x = TFloat32.tensorOf(Shape.of(4, 1876, 48), DataBuffers.of(mel.values(), true, false));
				Result result = bundle.function(Signatures.KEY).call(Map.of(Signatures.AUDIO_INPUT, (Tensor) x));
				Result bias = bundle.session().runner().fetch("dense_b").run()) {
			checkOutputs(result, Signatures.AUDIO_CONTRIBUTIONS, 117, ((TFloat32) bias.get(0)).getFloat(0),
					model.resolve(ParityFiles.FOLDER), null);
		}
	}

	@Test
	void lyricsSavedModelReloadsWithTheSignatureAndMatchesTheParityFiles() throws Exception {
		Path model = layout.model(trained.folder(), ModelKind.LYRICS);
		NpyArray tokens = Npy.read(model.resolve(ParityFiles.FOLDER).resolve("tokens.npy"));
		assertThat(tokens.shape()).containsExactly(4, LENGTH);
		int[] ids = new int[tokens.values().length];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = (int) tokens.values()[i];
		}
		try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), Signatures.TAG);
				TInt32 x = TInt32.tensorOf(Shape.of(4, LENGTH), DataBuffers.of(ids, true, false));
				Result result = bundle.function(Signatures.KEY).call(Map.of(Signatures.LYRICS_INPUT, (Tensor) x));
				Result bias = bundle.session().runner().fetch("dense_b").run()) {
			checkOutputs(result, Signatures.LYRICS_CONTRIBUTIONS, LENGTH, ((TFloat32) bias.get(0)).getFloat(0),
					model.resolve(ParityFiles.FOLDER), ids);
		}
	}

	private static void checkOutputs(Result result, String contributionsName, int positions, float bias, Path parity,
			int[] ids) throws Exception {
		TFloat32 logit = (TFloat32) result.get(Signatures.LOGIT).orElseThrow();
		TFloat32 prob = (TFloat32) result.get(Signatures.PROBABILITY).orElseThrow();
		TFloat32 contributions = (TFloat32) result.get(contributionsName).orElseThrow();
		assertThat(logit.shape()).isEqualTo(Shape.of(4, 1));
		assertThat(prob.shape()).isEqualTo(Shape.of(4, 1));
		assertThat(contributions.shape()).isEqualTo(Shape.of(4, positions));
		float[] expectedLogits = Npy.read(parity.resolve("logit.npy")).values();
		float[] expectedProbs = Npy.read(parity.resolve("prob.npy")).values();
		for (int i = 0; i < 4; i++) {
			float z = logit.getFloat(i, 0);
			assertThat((double) prob.getFloat(i, 0)).isCloseTo(Sigmoid.of(z), within(1e-6));
			assertThat(z).isCloseTo(expectedLogits[i], within(1e-5f));
			assertThat(prob.getFloat(i, 0)).isCloseTo(expectedProbs[i], within(1e-6f));
			double sum = bias;
			for (int t = 0; t < positions; t++) {
				sum += contributions.getFloat(i, t);
				if (ids != null && ids[i * positions + t] == 0) {
					assertThat(contributions.getFloat(i, t)).isZero();
				}
			}
			assertThat(sum).isCloseTo(z, within(1e-4));
		}
		assertThat(Files.readAllLines(parity.resolve("ids.txt"))).hasSize(4);
	}

	@Test
	void combinationLeansOnBothModels() {
		assertThat(trained.combination().audioWeight()).isPositive();
		assertThat(trained.combination().lyricsWeight()).isPositive();
		assertThat(trained.combinedTest().rocAuc()).isGreaterThanOrEqualTo(0.95);
		assertThat(List.of(trained.audio().calibration().a(), trained.lyrics().calibration().a()))
			.allMatch(a -> a > 0);
	}
}
