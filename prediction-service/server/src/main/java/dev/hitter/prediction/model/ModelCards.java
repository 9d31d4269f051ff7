package dev.hitter.prediction.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hitter.models.BinaryMetrics;
import dev.hitter.models.Combination;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelKind;
import dev.hitter.models.evaluation.Interval;
import dev.hitter.models.evaluation.MetricIntervals;
import dev.hitter.models.evaluation.PrecisionAtK;
import dev.hitter.prediction.model.ModelCatalogue.CombinationDescription;
import dev.hitter.prediction.model.ModelCatalogue.Estimate;
import dev.hitter.prediction.model.ModelCatalogue.Evaluation;
import dev.hitter.prediction.model.ModelCatalogue.Metrics;
import dev.hitter.prediction.model.ModelCatalogue.Picture;
import dev.hitter.prediction.model.ModelCatalogue.TopK;
import dev.hitter.prediction.model.ModelCatalogue.GenreCard;
import dev.hitter.prediction.model.ModelCatalogue.HeldOut;
import dev.hitter.prediction.model.ModelCatalogue.ModelDescription;
import dev.hitter.prediction.model.ModelCatalogue.ReleaseYears;
import dev.hitter.prediction.model.ModelCatalogue.TrainedOn;
import dev.hitter.serving.GenreModels;

/**
 * Turns the cards of a served model set into what a person reads on the "about the models" page: the numbers a card
 * holds, and its limits as sentences derived from them (the cards carry no list of limits of their own).
 */
final class ModelCards {

	/** The trainer's Melon description ends in {@code release years [2004, 2005, …]}; "unknown" years are skipped. */
	private static final Pattern RELEASE_YEARS = Pattern.compile("release years \\[([^\\]]*)\\]");

	/** Below this many held-out songs an AUC is uncertain by several points either way. */
	private static final int FEW_HELD_OUT_SONGS = 1000;

	private static final Pattern YEAR = Pattern.compile("\\b(\\d{4})\\b");

	private static final Pattern PICTURE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}\\.png");

	private ModelCards() {
	}

	static GenreCard describe(GenreModels models) {
		ModelDescription audio = describe(models.audioCard(), models.version());
		ModelDescription lyrics = describe(models.lyricsCard(), models.version());
		Combination combination = models.combination();
		return new GenreCard(models.genre(), models.version(), audio.demonstration() || lyrics.demonstration(), audio,
				lyrics, new CombinationDescription(combination.method(), combination.audioWeight(),
						combination.lyricsWeight(), combination.bias()),
				evaluation(models.genre(), models.audioCard(), models.lyricsCard()));
	}

	/**
	 * The set's evaluation from its cards: both carry the same run (the same songs, the same combined metrics), the
	 * audio card its audio metrics, the lyrics card its lyrics metrics.
	 */
	static Evaluation evaluation(Genre genre, ModelCard audioCard, ModelCard lyricsCard) {
		ModelCard.HeldOutEvaluation audio = audioCard.evaluation();
		if (audio == null) {
			return null;
		}
		ModelCard.HeldOutEvaluation lyrics = lyricsCard == null ? null : lyricsCard.evaluation();
		ModelCard.TrainingData data = audioCard.trainingData();
		String split = data == null || data.split() == null ? null : data.split().method();
		List<Picture> pictures = audio.pictures() == null ? List.of()
				: audio.pictures()
					.stream()
					.filter(ModelCards::isPictureName)
					.map(name -> new Picture(name, ModelsController.BASE + "/" + genre + "/pictures/" + name))
					.toList();
		return new Evaluation(audio.evaluatedAt(), audio.on(), audio.songs(), audio.positives(), split,
				metrics(audio.model()), lyrics == null ? null : metrics(lyrics.model()), metrics(audio.combined()),
				audio.passed(), audio.reasons() == null ? List.of() : audio.reasons(), audio.method(), pictures);
	}

	/** A picture the API will serve: a plain PNG name in the version folder, never a path. */
	static boolean isPictureName(String name) {
		return name != null && PICTURE_NAME.matcher(name).matches();
	}

	private static Metrics metrics(MetricIntervals m) {
		if (m == null) {
			return null;
		}
		PrecisionAtK top = m.precisionAtK();
		return new Metrics(estimate(m.rocAuc()), estimate(m.prAuc()), estimate(m.logLoss()), estimate(m.brier()),
				estimate(m.ece()), top == null ? null
						: new TopK(top.k(), finite(top.value()), finite(top.low()), finite(top.high())));
	}

	private static Estimate estimate(Interval interval) {
		return interval == null ? null
				: new Estimate(finite(interval.value()), finite(interval.low()), finite(interval.high()));
	}

	static ModelDescription describe(ModelCard card, String version) {
		TrainedOn trainedOn = trainedOn(card.trainingData());
		HeldOut heldOut = heldOut(card.test());
		// The notice exactly as the predictions quote it (ModelReference turns a missing one into "").
		String notice = card.notice() == null ? "" : card.notice();
		return new ModelDescription(card.modelId(), version, card.kind(), card.demonstration(), notice,
				card.trainedAt(), card.intendedUse(), trainedOn, heldOut, limits(card, trainedOn, heldOut));
	}

	private static TrainedOn trainedOn(ModelCard.TrainingData data) {
		if (data == null) {
			return null;
		}
		ModelCard.Split split = data.split();
		return new TrainedOn(data.source(), data.description(), data.examples(), data.positives(), data.labelRule(),
				releaseYears(data.description()), split == null ? 0 : split.train(),
				split == null ? 0 : split.validation());
	}

	static ReleaseYears releaseYears(String description) {
		if (description == null) {
			return null;
		}
		Matcher list = RELEASE_YEARS.matcher(description);
		if (!list.find()) {
			return null;
		}
		Matcher year = YEAR.matcher(list.group(1));
		int from = Integer.MAX_VALUE;
		int to = Integer.MIN_VALUE;
		while (year.find()) {
			int value = Integer.parseInt(year.group(1));
			from = Math.min(from, value);
			to = Math.max(to, value);
		}
		return from > to ? null : new ReleaseYears(from, to);
	}

	private static HeldOut heldOut(BinaryMetrics test) {
		if (test == null) {
			return null;
		}
		return new HeldOut(test.count(), test.positives(), finite(test.rocAuc()), finite(test.accuracy()),
				finite(test.logLoss()), finite(test.expectedCalibrationError()));
	}

	/** JSON has no NaN: an AUC of a split with one class is unknown, not a number. */
	private static Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

	private static List<String> limits(ModelCard card, TrainedOn trainedOn, HeldOut heldOut) {
		List<String> limits = new ArrayList<>();
		if (card.demonstration()) {
			limits.add("It was trained on synthetic songs, not real ones: its score says nothing about whether a real "
					+ "track will be a hit.");
		}
		Genre genre = card.genre();
		if (genre != null) {
			limits.add("It scores " + genre + " tracks only: a track analysed under the wrong genre gets a "
					+ "meaningless score.");
		}
		Map<String, Object> settings = card.featureSpec() == null || card.featureSpec().settings() == null ? Map.of()
				: card.featureSpec().settings();
		if (card.kind() == ModelKind.AUDIO) {
			limits.add("It listens to one 30-second segment of the track, not the whole song.");
		}
		else if (card.kind() == ModelKind.LYRICS) {
			if (settings.get("maxLength") instanceof Number words) {
				limits.add("It reads at most the first " + words.intValue() + " words of the lyrics; the rest is not "
						+ "scored.");
			}
			if (settings.get("vocabularySize") instanceof Number known) {
				limits.add("It knows " + known.intValue() + " words; every word it never saw in training is read as one and the "
						+ "same unknown word.");
			}
			if (trainedOn != null && trainedOn.dataset() != null
					&& trainedOn.dataset().toLowerCase(Locale.ROOT).contains("no lyrics")) {
				limits.add("It was trained without lyrics, so its lyrics score carries no information.");
			}
		}
		if (heldOut == null) {
			limits.add("Its card reports no results on held-out songs, so how well it does is unknown.");
		}
		else if (heldOut.songs() < FEW_HELD_OUT_SONGS) {
			limits.add("Its held-out results come from only " + heldOut.songs() + " songs, so they are rough "
					+ "estimates.");
		}
		else {
			limits.add("Its held-out results come from " + heldOut.songs() + " songs of the same data; music unlike "
					+ "it may fare worse.");
		}
		if (trainedOn != null && trainedOn.validationSongs() > 0) {
			limits.add("Its probabilities were calibrated on " + trainedOn.validationSongs() + " validation songs; "
					+ "for music unlike its training songs they can be off.");
		}
		return List.copyOf(limits);
	}
}
