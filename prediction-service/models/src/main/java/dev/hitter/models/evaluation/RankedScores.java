package dev.hitter.models.evaluation;

import java.util.Arrays;

/**
 * One model's probabilities with their labels, sorted once by probability, so that every metric — on the set itself
 * or on any bootstrap resample of it — is one linear pass. A resample is given as a weight per example (how often it
 * was drawn), indexed in this sorted order; the set itself is all weights 1.
 */
public final class RankedScores {

	/** Clamp for log loss, so that a confident miss costs about 34.5 nats instead of infinity. */
	static final double EPSILON = 1e-15;

	private final double[] probabilities;

	private final boolean[] hits;

	/** rankOf[i]: where the i-th example (in the caller's order) sits in the sorted order. */
	private final int[] rankOf;

	private final int positives;

	/** Per example, computed once for every resample: its log loss, squared error, calibration bin and gap. */
	private final double[] loss;

	private final double[] squaredError;

	private final int[] calibrationBin;

	private final double[] gap;

	private RankedScores(double[] probabilities, boolean[] hits, int[] rankOf) {
		this.probabilities = probabilities;
		this.hits = hits;
		this.rankOf = rankOf;
		int n = probabilities.length;
		int p = 0;
		loss = new double[n];
		squaredError = new double[n];
		calibrationBin = new int[n];
		gap = new double[n];
		for (int r = 0; r < n; r++) {
			p += hits[r] ? 1 : 0;
			double clamped = Math.min(1 - EPSILON, Math.max(EPSILON, probabilities[r]));
			loss[r] = hits[r] ? -Math.log(clamped) : -Math.log1p(-clamped);
			gap[r] = probabilities[r] - (hits[r] ? 1 : 0);
			squaredError[r] = gap[r] * gap[r];
			calibrationBin[r] = bin(probabilities[r], Evaluator.CALIBRATION_BINS);
		}
		this.positives = p;
	}

	private static int bin(double probability, int bins) {
		return Math.min(bins - 1, (int) (probability * bins));
	}

	/**
	 * @throws IllegalArgumentException when the lengths differ, the set is empty or a probability is not in [0, 1]
	 */
	public static RankedScores of(double[] probabilities, boolean[] hits) {
		if (probabilities.length != hits.length || probabilities.length == 0) {
			throw new IllegalArgumentException("need as many labels as probabilities, and at least one (got "
					+ probabilities.length + " probabilities and " + hits.length + " labels)");
		}
		for (int i = 0; i < probabilities.length; i++) {
			double p = probabilities[i];
			if (!(p >= 0 && p <= 1)) {
				throw new IllegalArgumentException("probability " + p + " of example " + i + " is not in [0, 1]");
			}
		}
		int[] order = sortedOrder(probabilities);
		double[] sorted = new double[order.length];
		boolean[] labels = new boolean[order.length];
		int[] rankOf = new int[order.length];
		for (int r = 0; r < order.length; r++) {
			sorted[r] = probabilities[order[r]];
			labels[r] = hits[order[r]];
			rankOf[order[r]] = r;
		}
		return new RankedScores(sorted, labels, rankOf);
	}

	/** Indices by ascending value: a stable merge sort on primitives (a boxed comparator sort allocates per element). */
	private static int[] sortedOrder(double[] values) {
		int n = values.length;
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		int[] buffer = new int[n];
		for (int width = 1; width < n; width *= 2) {
			for (int from = 0; from < n; from += 2 * width) {
				int middle = Math.min(n, from + width);
				int to = Math.min(n, from + 2 * width);
				int a = from;
				int b = middle;
				int k = from;
				while (a < middle && b < to) {
					buffer[k++] = values[order[b]] < values[order[a]] ? order[b++] : order[a++];
				}
				while (a < middle) {
					buffer[k++] = order[a++];
				}
				while (b < to) {
					buffer[k++] = order[b++];
				}
			}
			int[] swap = order;
			order = buffer;
			buffer = swap;
		}
		return order;
	}

	public int size() {
		return probabilities.length;
	}

	public int positives() {
		return positives;
	}

	public int negatives() {
		return size() - positives;
	}

	/** Weight 1 for every example: the set itself. */
	public int[] ones() {
		int[] weights = new int[size()];
		Arrays.fill(weights, 1);
		return weights;
	}

	/** Turns draws counted in the caller's order into weights in this sorted order (into {@code out}). */
	public int[] weights(int[] drawsInCallerOrder, int[] out) {
		for (int i = 0; i < drawsInCallerOrder.length; i++) {
			out[rankOf[i]] = drawsInCallerOrder[i];
		}
		return out;
	}

	/**
	 * ROC AUC (Mann–Whitney): the chance that a random hit scores above a random non-hit, ties counting half; NaN
	 * when the weighted set lacks hits or non-hits.
	 */
	public double rocAuc(int[] weights) {
		double below = 0; // weighted non-hits with a lower probability than the current group
		double pairs = 0;
		double positiveTotal = 0;
		int i = 0;
		int n = size();
		while (i < n) {
			int j = i;
			double groupPositives = 0;
			double groupNegatives = 0;
			while (j < n && probabilities[j] == probabilities[i]) {
				if (hits[j]) {
					groupPositives += weights[j];
				}
				else {
					groupNegatives += weights[j];
				}
				j++;
			}
			pairs += groupPositives * (below + groupNegatives / 2);
			below += groupNegatives;
			positiveTotal += groupPositives;
			i = j;
		}
		if (positiveTotal == 0 || below == 0) {
			return Double.NaN;
		}
		return pairs / (positiveTotal * below);
	}

	/**
	 * Average precision, the area under the precision–recall curve as a step function: walking down from the
	 * highest probability, each distinct probability is a threshold, and the recall it adds is weighted by the
	 * precision there (scikit-learn's {@code average_precision_score}; tied examples enter together). A random
	 * ranking scores about the hit rate; NaN without hits.
	 */
	public double averagePrecision(int[] weights) {
		double positiveTotal = 0;
		for (int r = 0; r < size(); r++) {
			positiveTotal += hits[r] ? weights[r] : 0;
		}
		if (positiveTotal == 0) {
			return Double.NaN;
		}
		double truePositives = 0;
		double taken = 0;
		double area = 0;
		int j = size() - 1;
		while (j >= 0) {
			int i = j;
			double groupPositives = 0;
			double groupAll = 0;
			while (i >= 0 && probabilities[i] == probabilities[j]) {
				groupAll += weights[i];
				groupPositives += hits[i] ? weights[i] : 0;
				i--;
			}
			truePositives += groupPositives;
			taken += groupAll;
			if (groupPositives > 0) {
				area += groupPositives / positiveTotal * (truePositives / taken);
			}
			j = i;
		}
		return area;
	}

	/** Mean negative log-likelihood in nats, probabilities clamped to [1e-15, 1 − 1e-15]. */
	public double logLoss(int[] weights) {
		double sum = 0;
		double total = 0;
		for (int r = 0; r < size(); r++) {
			sum += weights[r] * loss[r];
			total += weights[r];
		}
		return sum / total;
	}

	/** Brier score: the mean squared difference between probability and label (0 is perfect, 0.25 a coin). */
	public double brier(int[] weights) {
		double sum = 0;
		double total = 0;
		for (int r = 0; r < size(); r++) {
			sum += weights[r] * squaredError[r];
			total += weights[r];
		}
		return sum / total;
	}

	/**
	 * Expected calibration error over {@code bins} equal-width probability bins on [0, 1] (bin b holds
	 * [b/bins, (b+1)/bins), the last one 1.0 too): the examples' share in each bin times the gap between the bin's
	 * mean probability and its hit rate, summed.
	 */
	public double expectedCalibrationError(int[] weights, int bins) {
		double total = 0;
		double[] gaps = new double[bins];
		for (int r = 0; r < size(); r++) {
			int bin = bins == Evaluator.CALIBRATION_BINS ? calibrationBin[r] : bin(probabilities[r], bins);
			gaps[bin] += weights[r] * gap[r];
			total += weights[r];
		}
		double error = 0;
		for (double g : gaps) {
			error += Math.abs(g);
		}
		return error / total;
	}

	/**
	 * The share of hits among the {@code k} highest-scored examples. When the k-th place falls inside a group of
	 * tied probabilities, the group counts with its hit rate for the places left (the expected precision over the
	 * orders the tie allows), so that the figure does not depend on how the sort broke ties.
	 */
	public double precisionAtK(int[] weights, int k) {
		if (k < 1) {
			throw new IllegalArgumentException("k must be at least 1: " + k);
		}
		double hitsTaken = 0;
		double taken = 0;
		int j = size() - 1;
		while (j >= 0 && taken < k) {
			int i = j;
			double groupPositives = 0;
			double groupAll = 0;
			while (i >= 0 && probabilities[i] == probabilities[j]) {
				groupAll += weights[i];
				groupPositives += hits[i] ? weights[i] : 0;
				i--;
			}
			double room = k - taken;
			if (groupAll <= room) {
				hitsTaken += groupPositives;
				taken += groupAll;
			}
			else {
				hitsTaken += groupPositives * room / groupAll;
				taken = k;
			}
			j = i;
		}
		return taken == 0 ? Double.NaN : hitsTaken / taken;
	}

	/** {@link #metrics} positions. */
	static final int ROC_AUC = 0, PR_AUC = 1, LOG_LOSS = 2, BRIER = 3, ECE = 4, PRECISION_AT_K = 5;

	/**
	 * All six metrics at once (ROC AUC, average precision, log loss, Brier score, calibration error over
	 * {@value Evaluator#CALIBRATION_BINS} bins, precision at k), equal to the methods above, in two passes: what a
	 * bootstrap runs a thousand times per model.
	 */
	double[] metrics(int[] weights, int k) {
		int n = size();
		double total = 0;
		double positiveTotal = 0;
		double lossSum = 0;
		double squaredSum = 0;
		double[] gaps = new double[Evaluator.CALIBRATION_BINS];
		for (int r = 0; r < n; r++) {
			int w = weights[r];
			if (w == 0) {
				continue;
			}
			total += w;
			positiveTotal += hits[r] ? w : 0;
			lossSum += w * loss[r];
			squaredSum += w * squaredError[r];
			gaps[calibrationBin[r]] += w * gap[r];
		}
		double negativeTotal = total - positiveTotal;
		// Down from the highest probability, a group of ties at a time.
		double negativesAbove = 0;
		double pairs = 0;
		double truePositives = 0;
		double taken = 0;
		double area = 0;
		double topHits = 0;
		double topTaken = 0;
		int j = n - 1;
		while (j >= 0) {
			int i = j;
			double groupPositives = 0;
			double groupAll = 0;
			double p = probabilities[j];
			while (i >= 0 && probabilities[i] == p) {
				groupAll += weights[i];
				groupPositives += hits[i] ? weights[i] : 0;
				i--;
			}
			double groupNegatives = groupAll - groupPositives;
			pairs += groupPositives * (negativeTotal - negativesAbove - groupNegatives / 2);
			negativesAbove += groupNegatives;
			truePositives += groupPositives;
			taken += groupAll;
			if (groupPositives > 0) {
				area += groupPositives / positiveTotal * (truePositives / taken);
			}
			if (topTaken < k && groupAll > 0) {
				double room = k - topTaken;
				if (groupAll <= room) {
					topHits += groupPositives;
					topTaken += groupAll;
				}
				else {
					topHits += groupPositives * room / groupAll;
					topTaken = k;
				}
			}
			j = i;
		}
		double calibration = 0;
		for (double g : gaps) {
			calibration += Math.abs(g);
		}
		double[] out = new double[6];
		out[ROC_AUC] = positiveTotal == 0 || negativeTotal == 0 ? Double.NaN : pairs / (positiveTotal * negativeTotal);
		out[PR_AUC] = positiveTotal == 0 ? Double.NaN : area;
		out[LOG_LOSS] = lossSum / total;
		out[BRIER] = squaredSum / total;
		out[ECE] = calibration / total;
		out[PRECISION_AT_K] = topTaken == 0 ? Double.NaN : topHits / topTaken;
		return out;
	}

	/** The sorted probabilities, lowest first (for curves). */
	double probability(int rank) {
		return probabilities[rank];
	}

	boolean hit(int rank) {
		return hits[rank];
	}
}
