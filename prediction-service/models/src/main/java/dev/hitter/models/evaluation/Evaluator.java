package dev.hitter.models.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Turns held-out scores into an {@link Evaluation}: every metric on the set itself, and its 95 % interval from a
 * seeded, stratified percentile bootstrap.
 *
 * <p>Each resample draws as many hits as the set has, with replacement from its hits, and as many non-hits from
 * its non-hits: every resample has both classes (so ROC AUC is always defined) and the set's hit rate, as a test
 * split stratified by label does. The three models are scored on the same resamples, so their intervals are
 * comparable. The interval is the 2.5th to the 97.5th percentile of the resampled values (linear interpolation).
 * It says how much the figure would move on another test set of the same size from the same source; it does not
 * cover a shift in the data (other years, other artists).
 */
public final class Evaluator {

	/** Equal-width probability bins of the expected calibration error and the reliability diagram. */
	public static final int CALIBRATION_BINS = 10;

	public static final double CONFIDENCE = 0.95;

	/**
	 * @param resamples bootstrap resamples (1,000 gives the 2.5th/97.5th percentiles to about ±0.005 AUC)
	 * @param seed the resampling seed: the same scores and seed give the same intervals
	 * @param topK k of precision at k, or 0 for a tenth of the set (at least 1)
	 */
	public record Settings(int resamples, long seed, int topK) {

		public Settings {
			if (resamples < 10) {
				throw new IllegalArgumentException("at least 10 bootstrap resamples, not " + resamples);
			}
			if (topK < 0) {
				throw new IllegalArgumentException("top k must be positive (or 0 for a tenth of the set): " + topK);
			}
		}

		public static Settings defaults(long seed) {
			return new Settings(1000, seed, 0);
		}

		/** k for a set of {@code songs}. */
		public int k(int songs) {
			return topK > 0 ? Math.min(topK, songs) : Math.max(1, (int) Math.ceil(songs / 10.0));
		}

		/** The method in one sentence, for the model card. */
		public String describe(int songs) {
			return String.format(Locale.ROOT, "%.0f %% percentile bootstrap over %d resamples stratified by label "
					+ "(seed %d; the same resamples for audio, lyrics and combined); expected calibration error over %d "
					+ "equal-width probability bins; precision at the top k = %d; log loss in nats", CONFIDENCE * 100,
					resamples, seed, CALIBRATION_BINS, k(songs));
		}
	}

	private Evaluator() {
	}

	/**
	 * @throws IllegalArgumentException when the set has only hits or only non-hits (ROC AUC, PR AUC and a stratified
	 *     bootstrap need both), or the scores are not probabilities
	 */
	public static Evaluation evaluate(HeldOutScores scores, String on, Settings settings, Instant at) {
		requireBothClasses(scores.hits());
		int k = settings.k(scores.songs());
		List<RankedScores> models = new ArrayList<>();
		models.add(RankedScores.of(scores.audio(), scores.hits()));
		if (scores.lyrics() != null) {
			models.add(RankedScores.of(scores.lyrics(), scores.hits()));
		}
		models.add(RankedScores.of(scores.combined(), scores.hits()));
		List<MetricIntervals> results = intervals(models, scores.hits(), settings, k);
		MetricIntervals audio = results.get(0);
		MetricIntervals lyrics = scores.lyrics() != null ? results.get(1) : null;
		MetricIntervals combined = results.get(results.size() - 1);
		Interval auc = combined.rocAuc();
		boolean passed = auc.low() > 0.5;
		List<String> reasons = new ArrayList<>();
		reasons.add(String.format(Locale.ROOT, "combined ROC AUC %.3f, 95 %% interval %.3f–%.3f on %d songs (%d hits): "
				+ "%s", auc.value(), auc.low(), auc.high(), scores.songs(), scores.positives(), passed
						? "its low end is above 0.5, so the model ranks hits better than chance"
						: "its interval reaches 0.5, so the model is not shown to rank hits better than chance"));
		if (scores.lyrics() == null) {
			reasons.add("the lyrics model was not trained (no lyrics in the data): audio alone decides");
		}
		return new Evaluation(at, on, scores.songs(), scores.positives(), audio, lyrics, combined, passed, reasons);
	}

	/** The set's metrics for one model with their intervals (its own resamples). */
	public static MetricIntervals intervals(double[] probabilities, boolean[] hits, Settings settings) {
		requireBothClasses(hits);
		return intervals(List.of(RankedScores.of(probabilities, hits)), hits, settings, settings.k(hits.length)).get(0);
	}

	public static void requireBothClasses(boolean[] hits) {
		int positives = 0;
		for (boolean hit : hits) {
			positives += hit ? 1 : 0;
		}
		if (positives == 0 || positives == hits.length) {
			throw new IllegalArgumentException("the evaluation set has " + hits.length + " songs and "
					+ (positives == 0 ? "no hit" : "only hits") + ": ROC AUC, PR AUC and their intervals need both hits "
					+ "and non-hits; evaluate on a set (or split) that has both");
		}
	}

	private static final int METRICS = 6;

	private static List<MetricIntervals> intervals(List<RankedScores> models, boolean[] hits, Settings settings, int k) {
		int n = hits.length;
		int[] positives = indices(hits, true);
		int[] negatives = indices(hits, false);
		int b = settings.resamples();
		double[][][] samples = new double[models.size()][METRICS][b];
		int[] draws = new int[n];
		int[] weights = new int[n];
		SplittableRandom random = new SplittableRandom(settings.seed());
		for (int s = 0; s < b; s++) {
			Arrays.fill(draws, 0);
			for (int i = 0; i < positives.length; i++) {
				draws[positives[random.nextInt(positives.length)]]++;
			}
			for (int i = 0; i < negatives.length; i++) {
				draws[negatives[random.nextInt(negatives.length)]]++;
			}
			for (int m = 0; m < models.size(); m++) {
				RankedScores model = models.get(m);
				model.weights(draws, weights);
				double[] values = metrics(model, weights, k);
				for (int metric = 0; metric < METRICS; metric++) {
					samples[m][metric][s] = values[metric];
				}
			}
		}
		List<MetricIntervals> out = new ArrayList<>(models.size());
		for (int m = 0; m < models.size(); m++) {
			RankedScores model = models.get(m);
			double[] point = metrics(model, model.ones(), k);
			Interval[] intervals = new Interval[METRICS];
			for (int metric = 0; metric < METRICS; metric++) {
				double[] values = samples[m][metric];
				Arrays.sort(values);
				double tail = (1 - CONFIDENCE) / 2;
				intervals[metric] = new Interval(point[metric], percentile(values, tail), percentile(values, 1 - tail));
			}
			Interval atK = intervals[5];
			out.add(new MetricIntervals(intervals[0], intervals[1], intervals[2], intervals[3], intervals[4],
					new PrecisionAtK(k, atK.value(), atK.low(), atK.high())));
		}
		return out;
	}

	private static double[] metrics(RankedScores model, int[] weights, int k) {
		return model.metrics(weights, k);
	}

	/** Linear interpolation between order statistics (R's type 7, NumPy's default) of sorted values. */
	static double percentile(double[] sorted, double q) {
		double position = q * (sorted.length - 1);
		int below = (int) Math.floor(position);
		int above = Math.min(sorted.length - 1, below + 1);
		double fraction = position - below;
		return sorted[below] + fraction * (sorted[above] - sorted[below]);
	}

	private static int[] indices(boolean[] hits, boolean value) {
		int count = 0;
		for (boolean hit : hits) {
			count += hit == value ? 1 : 0;
		}
		int[] out = new int[count];
		int j = 0;
		for (int i = 0; i < hits.length; i++) {
			if (hits[i] == value) {
				out[j++] = i;
			}
		}
		return out;
	}
}
