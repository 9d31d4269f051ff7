package dev.hitter.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hitter.models.BinaryMetrics;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.PlattCalibration;

/** The plain-words card: what the numbers become, and which limits a card's contents imply. */
class ModelCardsTest {

	@Test
	void readsTheReleaseYearsOfAMelonImport() {
		assertThat(ModelCards.releaseYears("Melon Playlist Dataset (Kakao Arena), genre GN0100 발라드: 1,234 songs "
				+ "with mels, no lyrics (Melon ships none), release years [2011, 1998, 2020, unknown]"))
			.isEqualTo(new ModelCatalogue.ReleaseYears(1998, 2020));
		assertThat(ModelCards.releaseYears("600 synthetic POP songs (seed 7)")).isNull();
		assertThat(ModelCards.releaseYears("release years [unknown]")).isNull();
	}

	@Test
	void aRealModelMakesNoDemonstrationClaimAndAnUnknownAucStaysUnknown() {
		ModelCard card = card(false, new BinaryMetrics(5000, 0, Double.NaN, 0.97, 0.1, 0.02));

		ModelCatalogue.ModelDescription described = ModelCards.describe(card, "v20270101-000000");

		assertThat(described.demonstration()).isFalse();
		assertThat(described.notice()).isEmpty();
		assertThat(described.heldOut().auc()).isNull();
		assertThat(described.heldOut().accuracy()).isEqualTo(0.97);
		assertThat(described.trainedOn().releaseYears()).isEqualTo(new ModelCatalogue.ReleaseYears(2004, 2020));
		assertThat(described.trainedOn().trainingSongs()).isEqualTo(35_000);
		assertThat(described.limits()).noneMatch(limit -> limit.contains("synthetic"))
			.contains("Its held-out results come from 5000 songs of the same data; music unlike it may fare worse.",
					"It was trained without lyrics, so its lyrics score carries no information.",
					"It knows 20000 words; every word it never saw in training is read as one and the same unknown word.");
	}

	@Test
	void saysSoWhenACardHasNoHeldOutResults() {
		ModelCatalogue.ModelDescription described = ModelCards.describe(card(true, null), "v1");

		assertThat(described.heldOut()).isNull();
		assertThat(described.limits()).contains(
				"Its card reports no results on held-out songs, so how well it does is unknown.");
		assertThat(described.limits().get(0)).contains("synthetic songs");
	}

	@Test
	void givesTheShippedSetsEvaluationWithIntervalsForAudioLyricsAndCombined() throws Exception {
		Path pop = new ModelSetLayout(Path.of("../default-models")).promoted(Genre.POP).orElseThrow();
		ModelCard audioCard = ModelFiles.readCard(pop.resolve("audio/card.json"));
		ModelCard lyricsCard = ModelFiles.readCard(pop.resolve("lyrics/card.json"));

		ModelCatalogue.Evaluation evaluation = ModelCards.evaluation(Genre.POP, audioCard, lyricsCard);

		assertThat(evaluation.on()).isEqualTo("test split");
		assertThat(evaluation.songs()).isEqualTo(audioCard.trainingData().split().test());
		assertThat(evaluation.split()).startsWith("random");
		assertThat(evaluation.passed()).isTrue();
		for (ModelCatalogue.Metrics metrics : new ModelCatalogue.Metrics[] { evaluation.audio(), evaluation.lyrics(),
				evaluation.combined() }) {
			ModelCatalogue.Estimate auc = metrics.rocAuc();
			assertThat(auc.low()).isLessThanOrEqualTo(auc.value()).isGreaterThan(0.5);
			assertThat(auc.high()).isGreaterThanOrEqualTo(auc.value()).isLessThanOrEqualTo(1.0);
			assertThat(metrics.precisionAtK().k()).isPositive();
		}
		// The audio and lyrics metrics come from their own cards, the combined from the run both share.
		assertThat(evaluation.audio().rocAuc().value()).isEqualTo(audioCard.evaluation().model().rocAuc().value());
		assertThat(evaluation.lyrics().rocAuc().value()).isEqualTo(lyricsCard.evaluation().model().rocAuc().value());
		assertThat(evaluation.combined().rocAuc().value()).isEqualTo(audioCard.evaluation().combined().rocAuc().value());
		assertThat(evaluation.pictures()).extracting(ModelCatalogue.Picture::url)
			.containsExactly("/api/v1/models/POP/pictures/roc.png", "/api/v1/models/POP/pictures/reliability.png");
		assertThat(evaluation.pictures()).allSatisfy(picture -> assertThat(pop.resolve(picture.name())).isRegularFile());
	}

	@Test
	void servesOnlyPlainPictureNames() {
		assertThat(ModelCards.isPictureName("roc.png")).isTrue();
		assertThat(ModelCards.isPictureName("reliability.png")).isTrue();
		for (String name : new String[] { "../card.json", "audio/card.json", "evaluation.json", "ROC.PNG", ".png",
				"roc.png/..", "roc.png\u0000", "" }) {
			assertThat(ModelCards.isPictureName(name)).as(name).isFalse();
		}
	}

	@Test
	void describesTheShippedDemonstrationCardsAsDocsModelsApiShows() throws Exception {
		// The POP version shipped and promoted (served out of the box).
		Path pop = new ModelSetLayout(Path.of("../default-models")).promoted(Genre.POP).orElseThrow();
		ModelCard audioCard = ModelFiles.readCard(pop.resolve("audio/card.json"));
		ModelCard lyricsCard = ModelFiles.readCard(pop.resolve("lyrics/card.json"));

		ModelCatalogue.ModelDescription audio = ModelCards.describe(audioCard, audioCard.version());
		ModelCatalogue.ModelDescription lyrics = ModelCards.describe(lyricsCard, lyricsCard.version());

		String synthetic = "It was trained on synthetic songs, not real ones: its score says nothing about whether a "
				+ "real track will be a hit.";
		String genreOnly = "It scores POP tracks only: a track analysed under the wrong genre gets a meaningless score.";
		String heldOut = "Its held-out results come from 1500 songs of the same data; music unlike it may fare worse.";
		String calibrated = "Its probabilities were calibrated on 1500 validation songs; for music unlike its training "
				+ "songs they can be off.";
		assertThat(audio.limits()).containsExactly(synthetic, genreOnly,
				"It listens to one 30-second segment of the track, not the whole song.", heldOut, calibrated);
		assertThat(lyrics.limits()).containsExactly(synthetic, genreOnly,
				"It reads at most the first 512 words of the lyrics; the rest is not scored.",
				"It knows " + lyricsCard.featureSpec().settings().get("vocabularySize")
						+ " words; every word it never saw in training is read as one and the same unknown word.",
				heldOut, calibrated);
		assertThat(audio.notice()).isEqualTo(ModelCard.DEMONSTRATION_NOTICE);
		assertThat(audio.trainedOn().songs()).isEqualTo(10_000);
		assertThat(audio.trainedOn().trainingSongs()).isEqualTo(7_000);
		assertThat(audio.trainedOn().releaseYears()).isNull();
		assertThat(audio.heldOut().songs()).isEqualTo(1_500);
		assertThat(audio.heldOut().auc()).isEqualTo(audioCard.test().rocAuc());
		assertThat(audio.heldOut().calibrationError()).isEqualTo(audioCard.test().expectedCalibrationError());
	}

	private static ModelCard card(boolean demonstration, BinaryMetrics test) {
		ModelCard.TrainingData data = new ModelCard.TrainingData("melon",
				"Melon Playlist Dataset (Kakao Arena), genre GN0200 댄스: 50,000 songs with mels, no lyrics (Melon "
						+ "ships none), release years [2004, 2012, 2020]",
				50_000, 5_000, "top 10 % by popularity", new ModelCard.Split(35_000, 10_000, 5_000, "stratified"), 7);
		return new ModelCard("dance-lyrics-v1", "v1", Genre.DANCE, ModelKind.LYRICS, "SavedModel", "text CNN",
				new ModelCard.FeatureSpec("lyrics-v1", Map.of("maxLength", 512, "vocabularySize", 20_000), null, null),
				data, test, test, new PlattCalibration(1, 0), Instant.parse("2027-01-01T00:00:00Z"), 10, 3,
				demonstration, demonstration ? ModelCard.DEMONSTRATION_NOTICE : null, "scores dance lyrics");
	}
}
