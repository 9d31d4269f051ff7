package dev.hitter.models;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well probabilities predict 0/1 labels: ROC AUC, accuracy at 0.5, log loss and expected calibration error
 * (10 equal-width bins). The numbers a model card reports for the held-out split.
 */
public record BinaryMetrics(int count, int positives, double rocAuc, double accuracy, double logLoss,
		double expectedCalibrationError) {

	public static BinaryMetrics of(double[] probabilities, boolean[] labels) {
		if (probabilities.length != labels.length || probabilities.length == 0) {
			throw new IllegalArgumentException("need as many labels as probabilities, and at least one");
		}
		int n = probabilities.length;
		int positives = 0;
		int correct = 0;
		double logLoss = 0;
		for (int i = 0; i < n; i++) {
			double p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[i]));
			positives += labels[i] ? 1 : 0;
			correct += (p >= 0.5) == labels[i] ? 1 : 0;
			logLoss -= labels[i] ? Math.log(p) : Math.log(1 - p);
		}
		return new BinaryMetrics(n, positives, rocAuc(probabilities, labels), (double) correct / n, logLoss / n,
				expectedCalibrationError(probabilities, labels, 10));
	}

	/** Mann–Whitney: the chance that a random hit scores above a random non-hit (ties count half). */
	static double rocAuc(double[] probabilities, boolean[] labels) {
		Integer[] order = new Integer[probabilities.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingDouble(i -> probabilities[i]));
		double rankSumOfPositives = 0;
		long positives = 0;
		int i = 0;
		while (i < order.length) {
			int j = i;
			while (j + 1 < order.length && probabilities[order[j + 1]] == probabilities[order[i]]) {
				j++;
			}
			double averageRank = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++) {
				if (labels[order[k]]) {
					rankSumOfPositives += averageRank;
					positives++;
				}
			}
			i = j + 1;
		}
		long negatives = order.length - positives;
		if (positives == 0 || negatives == 0) {
			return Double.NaN;
		}
		return (rankSumOfPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
	}

	static double expectedCalibrationError(double[] probabilities, boolean[] labels, int bins) {
		double[] confidence = new double[bins];
		double[] hits = new double[bins];
		int[] counts = new int[bins];
		for (int i = 0; i < probabilities.length; i++) {
			int bin = Math.min(bins - 1, (int) (probabilities[i] * bins));
			confidence[bin] += probabilities[i];
			hits[bin] += labels[i] ? 1 : 0;
			counts[bin]++;
		}
		double error = 0;
		for (int bin = 0; bin < bins; bin++) {
			if (counts[bin] > 0) {
				error += Math.abs(confidence[bin] - hits[bin]) / probabilities.length;
			}
		}
		return error;
	}
}
