package dev.hitter.models.evaluation;

/**
 * A metric on the evaluation set with its 95 % bootstrap interval.
 *
 * @param value the metric on the set itself
 * @param low the 2.5th percentile of the metric over the bootstrap resamples
 * @param high the 97.5th percentile
 */
public record Interval(double value, double low, double high) {

	/** Half the interval's width: the "±" a reader quotes. */
	public double halfWidth() {
		return (high - low) / 2;
	}
}
