package dev.hitter.prediction.model;

import java.time.Instant;
import java.util.List;

import dev.hitter.models.Genre;
import dev.hitter.models.ModelKind;

/**
 * What {@code GET /api/v1/models} answers: per genre, the cards of the model set serving it, in plain words for the
 * "about the models" page. Read from the cards the registry loaded, so it always describes the models that answer.
 *
 * @param genres the genres being served, in genre order (POP, BALLAD, DANCE)
 * @param unavailable configured genres whose models are not loaded (yet); an analysis in one of them answers 503
 */
public record ModelCatalogue(List<GenreCard> genres, List<Genre> unavailable) {

	/**
	 * One genre's model set.
	 *
	 * @param version the model-set version folder, e.g. {@code v20261127-204800}
	 * @param demonstration true when either model is a demonstration model (trained on synthetic data)
	 * @param evaluation how the set did on held-out songs, with intervals; null if its cards hold no evaluation
	 */
	public record GenreCard(Genre genre, String version, boolean demonstration, ModelDescription audio,
			ModelDescription lyrics, CombinationDescription combination, Evaluation evaluation) {
	}

	/**
	 * The model set's latest evaluation, the one it was promoted on: audio, lyrics and the combined probability the
	 * service answers with, side by side, each metric with its 95 % bootstrap interval.
	 *
	 * @param on what was scored: {@code test split} (songs held out of training) or {@code manifest <file>}
	 * @param split how the songs were split into training, validation and test, in one sentence (null if unknown)
	 * @param lyrics null when the set has no trained lyrics model
	 * @param passed whether the combined ROC AUC's interval lies above chance (0.5); a set is promoted only then
	 * @param reasons why it passed or not, in the evaluator's words
	 * @param method the bootstrap, the calibration bins and k, in one sentence
	 * @param pictures the ROC curves and the reliability diagram as PNG, each with its address under this API
	 */
	public record Evaluation(Instant evaluatedAt, String on, int songs, int positives, String split, Metrics audio,
			Metrics lyrics, Metrics combined, boolean passed, List<String> reasons, String method,
			List<Picture> pictures) {
	}

	/**
	 * One model's metrics with intervals.
	 *
	 * @param rocAuc the chance that a random hit scores above a random non-hit (0.5 is chance)
	 * @param prAuc average precision (chance is the share of hits)
	 * @param logLoss mean log loss in nats (lower is better)
	 * @param brier mean squared error of the probability (lower is better)
	 * @param calibrationError expected calibration error over 10 bins (lower is better)
	 * @param precisionAtK the share of hits among the k songs scored highest
	 */
	public record Metrics(Estimate rocAuc, Estimate prAuc, Estimate logLoss, Estimate brier, Estimate calibrationError,
			TopK precisionAtK) {
	}

	/**
	 * A metric and its 95 % bootstrap interval; a value that could not be computed is null.
	 */
	public record Estimate(Double value, Double low, Double high) {
	}

	/** Precision at the top {@code k} with its 95 % bootstrap interval. */
	public record TopK(int k, Double value, Double low, Double high) {
	}

	/**
	 * @param name {@code roc.png} or {@code reliability.png}
	 * @param url where to fetch it: {@code /api/v1/models/<GENRE>/pictures/<name>}, public like the cards
	 */
	public record Picture(String name, String url) {
	}

	/**
	 * One model, as its card describes it.
	 *
	 * @param modelId the card's id, the same as {@code model.audio.modelId} in a prediction
	 * @param notice the card's notice word for word, as every prediction from this model repeats it ("" if none)
	 * @param trainedAt when training finished
	 * @param intendedUse what the model is for, in the trainer's words
	 * @param trainedOn what it learned from
	 * @param heldOut how it did on the held-out test songs it never saw in training; null if the card has none
	 * @param limits what it cannot do, one plain sentence each
	 */
	public record ModelDescription(String modelId, String version, ModelKind kind, boolean demonstration,
			String notice, Instant trainedAt, String intendedUse, TrainedOn trainedOn, HeldOut heldOut,
			List<String> limits) {
	}

	/**
	 * @param source {@code synthetic-demo}, {@code manifest} or {@code melon}
	 * @param dataset the data in a sentence
	 * @param songs songs used in all (training, validation and test)
	 * @param hits of which labelled hits
	 * @param labelRule how a song was labelled a hit
	 * @param releaseYears the songs' release years when the card names them (Melon imports); null if unknown
	 * @param trainingSongs songs the network was trained on
	 * @param validationSongs songs used for early stopping and calibration
	 */
	public record TrainedOn(String source, String dataset, int songs, int hits, String labelRule,
			ReleaseYears releaseYears, int trainingSongs, int validationSongs) {
	}

	/** The first and last release year of the training songs. */
	public record ReleaseYears(int from, int to) {
	}

	/**
	 * The held-out test split, calibrated probabilities.
	 *
	 * @param songs held-out songs
	 * @param hits of which hits
	 * @param auc ROC AUC: the chance that a random hit scores above a random non-hit (0.5 is chance); null when the
	 *     split holds only one class
	 * @param accuracy share right at a 0.5 threshold
	 * @param logLoss mean log loss
	 * @param calibrationError expected calibration error (10 bins): how far stated probabilities are from observed
	 *     hit rates
	 */
	public record HeldOut(int songs, int hits, Double auc, Double accuracy, Double logLoss, Double calibrationError) {
	}

	/**
	 * How the two scores become one hit probability: {@code sigmoid(audioWeight·audio + lyricsWeight·lyrics + bias)}
	 * on the calibrated logits.
	 */
	public record CombinationDescription(String method, double audioWeight, double lyricsWeight, double bias) {
	}
}
