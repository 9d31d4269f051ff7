package dev.hitter.models;

import dev.hitter.models.evaluation.Evaluator;
import dev.hitter.models.evaluation.RankedScores;

/**
 * How well probabilities predict 0/1 labels, as a model card reports them for the validation and test splits:
 * ROC AUC, accuracy at 0.5, log loss, expected calibration error, PR AUC and Brier score. Their definitions are
 * {@link RankedScores}'; {@link Evaluator} adds bootstrap intervals and precision at k.
 *
 * @param count examples
 * @param positives of which hits
 * @param rocAuc Mann–Whitney ROC AUC, ties counting half (NaN with one class only)
 * @param accuracy share right when 0.5 is the threshold
 * @param logLoss mean negative log-likelihood in nats
 * @param expectedCalibrationError over 10 equal-width probability bins
 * @param prAuc average precision (null on cards written before it was reported)
 * @param brier mean squared error of the probability (null on cards written before it was reported)
 */
public record BinaryMetrics(int count, int positives, double rocAuc, double accuracy, double logLoss,
		double expectedCalibrationError, Double prAuc, Double brier) {

	/** The metrics older cards carry. */
	public BinaryMetrics(int count, int positives, double rocAuc, double accuracy, double logLoss,
			double expectedCalibrationError) {
		this(count, positives, rocAuc, accuracy, logLoss, expectedCalibrationError, null, null);
	}

	public static BinaryMetrics of(double[] probabilities, boolean[] labels) {
		RankedScores scores = RankedScores.of(probabilities, labels);
		int[] ones = scores.ones();
		int correct = 0;
		for (int i = 0; i < probabilities.length; i++) {
			correct += (probabilities[i] >= 0.5) == labels[i] ? 1 : 0;
		}
		double averagePrecision = scores.averagePrecision(ones);
		return new BinaryMetrics(probabilities.length, scores.positives(), scores.rocAuc(ones),
				(double) correct / probabilities.length, scores.logLoss(ones),
				scores.expectedCalibrationError(ones, Evaluator.CALIBRATION_BINS), averagePrecision,
				scores.brier(ones));
	}
}
