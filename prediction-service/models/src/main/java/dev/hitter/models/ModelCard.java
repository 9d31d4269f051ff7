package dev.hitter.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.hitter.models.evaluation.MetricIntervals;

/**
 * What a model is, what it was trained on and how well it did: written by the trainer beside every exported
 * model ({@code card.json}) and quoted by the server in every answer that model gives.
 *
 * @param modelId unique id, e.g. {@code pop-audio-v20261127-201500}
 * @param version the model-set version folder it belongs to
 * @param genre the genre it scores
 * @param kind audio or lyrics
 * @param format how it is stored and served, e.g. {@code TensorFlow SavedModel (TF 2.10.1)}
 * @param architecture the network in one paragraph (layers, sizes, parameters)
 * @param featureSpec the exact input recipe (spec id, settings, vocabulary and its hash)
 * @param trainingData where the examples came from and how they were split
 * @param validation metrics on the validation split (calibrated)
 * @param test metrics on the held-out test split (calibrated)
 * @param calibration Platt scaling fitted on the validation split
 * @param trainedAt when training finished
 * @param trainingSeconds wall-clock training time
 * @param epochs epochs run (early stopping included)
 * @param demonstration true for models trained on synthetic data
 * @param notice the sentence every answer using this model repeats (e.g. that it is a demonstration)
 * @param intendedUse what the model is for, and its limits, in plain words
 * @param hyperParameters how it was trained (null on cards written before they were recorded)
 * @param evaluation its latest evaluation with bootstrap intervals (null until evaluated)
 */
public record ModelCard(String modelId, String version, Genre genre, ModelKind kind, String format,
		String architecture, FeatureSpec featureSpec, TrainingData trainingData, BinaryMetrics validation,
		BinaryMetrics test, PlattCalibration calibration, Instant trainedAt, double trainingSeconds, int epochs,
		boolean demonstration, String notice, String intendedUse, HyperParameters hyperParameters,
		HeldOutEvaluation evaluation) {

	/** A card without hyper-parameters or evaluation, as cards were before they were recorded. */
	public ModelCard(String modelId, String version, Genre genre, ModelKind kind, String format, String architecture,
			FeatureSpec featureSpec, TrainingData trainingData, BinaryMetrics validation, BinaryMetrics test,
			PlattCalibration calibration, Instant trainedAt, double trainingSeconds, int epochs, boolean demonstration,
			String notice, String intendedUse) {
		this(modelId, version, genre, kind, format, architecture, featureSpec, trainingData, validation, test,
				calibration, trainedAt, trainingSeconds, epochs, demonstration, notice, intendedUse, null, null);
	}

	/** This card with its evaluation section replaced. */
	public ModelCard withEvaluation(HeldOutEvaluation evaluation) {
		return new ModelCard(modelId, version, genre, kind, format, architecture, featureSpec, trainingData,
				validation, test, calibration, trainedAt, trainingSeconds, epochs, demonstration, notice, intendedUse,
				hyperParameters, evaluation);
	}

	/** The notice a demonstration model's card and every answer that uses it carry, word for word. */
	public static final String DEMONSTRATION_NOTICE = "demonstration model trained on synthetic data";

	/**
	 * The input recipe: {@code melon-v1} with its settings for audio; {@code lyrics-v1} with its settings, the
	 * vocabulary file (relative to the model-set version) and its SHA-256 for lyrics.
	 */
	public record FeatureSpec(String id, Map<String, Object> settings, String vocabularyFile,
			String vocabularySha256) {
	}

	/**
	 * @param source {@code synthetic-demo}, {@code manifest} or {@code melon}
	 * @param description the data in a sentence (where from, which years, how many)
	 * @param examples examples used in all
	 * @param positives of which labelled hits
	 * @param labelRule how a hit label was derived (e.g. the popularity rule)
	 * @param split how many examples in each split, and how they were assigned
	 * @param seed the random seed that makes the training reproducible
	 */
	public record TrainingData(String source, String description, int examples, int positives, String labelRule,
			Split split, long seed) {
	}

	public record Split(int train, int validation, int test, String method) {
	}

	/**
	 * The training options behind the model, so that a run can be repeated or compared.
	 *
	 * @param network this network's sizes (audio: convolution channels, kernel widths and pooling; lyrics:
	 *     embedding size, filters per width and the kernel widths)
	 * @param learningRate Adam's step size
	 * @param batchSize examples per step
	 * @param epochs most epochs allowed (the card's {@code epochs} says how many ran)
	 * @param patience epochs without a better validation AUC before stopping
	 * @param l2 weight decay on weights (not biases)
	 * @param threads TensorFlow intra-op threads of the training session
	 * @param seed data order, splits and starting weights
	 */
	public record HyperParameters(Map<String, Object> network, double learningRate, int batchSize, int epochs,
			int patience, double l2, int threads, long seed) {
	}

	/**
	 * The model's latest evaluation (also in the version's {@code evaluation.json}), every metric with its 95 %
	 * bootstrap interval.
	 *
	 * @param evaluatedAt when
	 * @param on {@code test split} or {@code manifest <file>}
	 * @param songs songs evaluated
	 * @param positives of which hits
	 * @param model this model's calibrated probabilities (null for a lyrics model that was not trained)
	 * @param combined the combined (audio + lyrics) probabilities the server answers with
	 * @param passed the combined ROC AUC's interval lies above 0.5
	 * @param reasons why it passed or not
	 * @param method the bootstrap, the binning and k, in one sentence
	 * @param scoredBy how the songs were scored (which runtime ran the models)
	 * @param pictures the ROC curves and reliability diagram, relative to the version folder
	 */
	public record HeldOutEvaluation(Instant evaluatedAt, String on, int songs, int positives, MetricIntervals model,
			MetricIntervals combined, boolean passed, List<String> reasons, String method, String scoredBy,
			List<String> pictures) {
	}
}
