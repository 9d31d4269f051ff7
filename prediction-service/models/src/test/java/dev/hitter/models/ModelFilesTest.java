package dev.hitter.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

	@TempDir
	Path dir;

	@Test
	void aCardRoundTripsThroughJson() throws IOException {
		ModelCard card = new ModelCard("pop-lyrics-v20261127-201500", "v20261127-201500", Genre.POP, ModelKind.LYRICS,
				"TensorFlow SavedModel (TF 2.10.1)", "embedding 64, conv 3/4/5 × 64, max-pool, dense",
				new ModelCard.FeatureSpec("lyrics-v1", Map.of("maxLength", 512), "vocabulary.txt", "ab12"),
				new ModelCard.TrainingData("synthetic-demo", "generated", 600, 300, "hook words", new ModelCard.Split(420, 90, 90, "random, seed 7"), 7),
				BinaryMetrics.of(new double[] { 0.2, 0.8 }, new boolean[] { false, true }),
				BinaryMetrics.of(new double[] { 0.3, 0.6 }, new boolean[] { false, true }), new PlattCalibration(1.2, -0.1),
				Instant.parse("2026-11-27T20:15:00Z"), 42.5, 12, true, ModelCard.DEMONSTRATION_NOTICE, "demo only");
		Path file = dir.resolve("card.json");
		ModelFiles.write(file, card);

		assertThat(Files.readString(file)).contains("\"notice\" : \"demonstration model trained on synthetic data\"");
		assertThat(ModelFiles.readCard(file)).isEqualTo(card);
	}

	@Test
	void aCardWrittenBeforeEvaluationsStillReadsWithTheNewSectionsEmpty() throws IOException {
		// The shipped POP audio card as the trainer wrote it on 2026-11-27, before PR AUC, Brier, hyper-parameters and
		// evaluations were recorded.
		Path file = dir.resolve("card.json");
		Files.writeString(file, """
				{ "modelId" : "pop-audio-v20261127-204800", "version" : "v20261127-204800", "genre" : "POP",
				  "kind" : "AUDIO", "format" : "SavedModel", "architecture" : "1D CNN",
				  "featureSpec" : { "id" : "melon-v1", "settings" : { "bands" : 48 }, "vocabularyFile" : null,
				                    "vocabularySha256" : null },
				  "trainingData" : { "source" : "synthetic-demo", "description" : "600 songs", "examples" : 600,
				                     "positives" : 177, "labelRule" : "synthetic",
				                     "split" : { "train" : 420, "validation" : 90, "test" : 90, "method" : "stratified" },
				                     "seed" : 7 },
				  "validation" : { "count" : 90, "positives" : 27, "rocAuc" : 0.98, "accuracy" : 0.94,
				                   "logLoss" : 0.17, "expectedCalibrationError" : 0.07 },
				  "test" : { "count" : 90, "positives" : 27, "rocAuc" : 0.91, "accuracy" : 0.9,
				             "logLoss" : 0.36, "expectedCalibrationError" : 0.10 },
				  "calibration" : { "a" : 0.76, "b" : -0.43 }, "trainedAt" : "2026-11-27T20:48:25.614152964Z",
				  "trainingSeconds" : 16.5, "epochs" : 25, "demonstration" : true,
				  "notice" : "demonstration model trained on synthetic data", "intendedUse" : "Demonstration only." }
				""");

		ModelCard card = ModelFiles.readCard(file);

		assertThat(card.test().rocAuc()).isEqualTo(0.91);
		assertThat(card.test().prAuc()).isNull();
		assertThat(card.test().brier()).isNull();
		assertThat(card.hyperParameters()).isNull();
		assertThat(card.evaluation()).isNull();
	}

	@Test
	void anEvaluatedCardRoundTripsWithItsIntervals() throws IOException {
		dev.hitter.models.evaluation.Interval auc = new dev.hitter.models.evaluation.Interval(0.91, 0.85, 0.96);
		dev.hitter.models.evaluation.MetricIntervals metrics = new dev.hitter.models.evaluation.MetricIntervals(auc,
				auc, auc, auc, auc, new dev.hitter.models.evaluation.PrecisionAtK(9, 0.8, 0.5, 1));
		ModelCard card = new ModelCard("pop-audio-v1", "v20261127-201500", Genre.POP, ModelKind.AUDIO, "SavedModel",
				"CNN", null, null, null, null, new PlattCalibration(1, 0), Instant.parse("2026-11-27T20:15:00Z"), 1, 1,
				true, ModelCard.DEMONSTRATION_NOTICE, "demo only",
				new ModelCard.HyperParameters(Map.of("channels", java.util.List.of(16, 32, 32)), 0.002, 16, 30, 5,
						1e-4, 2, 7),
				new ModelCard.HeldOutEvaluation(Instant.parse("2026-12-07T18:00:00Z"), "test split", 90, 27, metrics,
						metrics, true, java.util.List.of("above chance"), "95 % bootstrap", "TF Java",
						java.util.List.of("roc.png", "reliability.png")));
		Path file = dir.resolve("card.json");
		ModelFiles.write(file, card);

		assertThat(ModelFiles.readCard(file)).isEqualTo(card);
		assertThat(Files.readString(file)).contains("\"precisionAtK\" : {\n");
	}

	@Test
	void aBrokenCardSaysWhichFile() throws IOException {
		Path file = dir.resolve("card.json");
		Files.writeString(file, "{ not json");
		assertThatThrownBy(() -> ModelFiles.readCard(file)).isInstanceOf(IOException.class).hasMessageContaining("card.json");
	}

	@Test
	void onlyCompleteVersionsAreServedAndTheNewestWins() throws IOException {
		ModelSetLayout layout = new ModelSetLayout(dir);
		complete(layout, "v20261101-000000");
		complete(layout, "v20261127-120000");
		Files.createDirectories(layout.version(Genre.POP, "v20261130-000000").resolve("audio")); // being written
		assertThat(layout.versions(Genre.POP)).containsExactly("v20261101-000000", "v20261127-120000");
		assertThat(layout.latest(Genre.POP)).contains(layout.version(Genre.POP, "v20261127-120000"));
		assertThat(layout.latest(Genre.DANCE)).isEmpty();
		assertThat(ModelSetLayout.versionAt(Instant.parse("2026-11-27T20:15:03Z"))).isEqualTo("v20261127-201503");
	}

	@Test
	void aPromotionPointerRemembersWhatARollbackServes() throws IOException {
		ModelSetLayout layout = new ModelSetLayout(dir);
		assertThat(layout.promotion(Genre.POP)).isEmpty();
		Instant start = Instant.parse("2026-12-01T10:00:00Z");
		Promotion promotion = Promotion.first(Genre.POP, "v20261101-000000", start)
			.promote("v20261127-120000", start.plusSeconds(60));

		layout.writePromotion(promotion);

		assertThat(layout.promotion(Genre.POP)).contains(promotion);
		assertThat(layout.promoted(Genre.POP)).contains(layout.version(Genre.POP, "v20261127-120000"));
		Promotion back = promotion.rollback(start.plusSeconds(120)).orElseThrow();
		assertThat(back.version()).isEqualTo("v20261101-000000");
		assertThat(back.rollback(start.plusSeconds(180))).as("nothing promoted before the first").isEmpty();
		assertThat(back.history()).extracting(Promotion.Change::action).containsExactly("promote", "promote", "rollback");
		Files.createDirectories(layout.genre(Genre.DANCE));
		Files.writeString(layout.promotionFile(Genre.DANCE), Files.readString(layout.promotionFile(Genre.POP)));
		assertThatThrownBy(() -> layout.promotion(Genre.DANCE)).isInstanceOf(IOException.class)
			.hasMessageContaining("names the genre POP");
	}

	@Test
	void combinationIsALogisticRegressionOnTheTwoLogits() {
		Combination combination = new Combination("test", 2, 1, -0.5);
		assertThat(combination.probability(0.25, 0)).isEqualTo(0.5);
		assertThat(combination.audioShare(1, 1)).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
	}

	private static void complete(ModelSetLayout layout, String version) throws IOException {
		Path dir = layout.version(Genre.POP, version);
		for (ModelKind kind : ModelKind.values()) {
			Files.createDirectories(layout.model(dir, kind));
			Files.writeString(layout.model(dir, kind).resolve("saved_model.pb"), "x");
			Files.writeString(layout.card(dir, kind), "{}");
		}
		Files.writeString(layout.vocabulary(dir), "<pad>\n<unk>\n");
		Files.writeString(layout.combination(dir), "{}");
	}
}
