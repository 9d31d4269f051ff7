package dev.hitter.benchmarks.load;

import java.util.Arrays;

/**
 * Latencies of one load level, recorded from every client thread; summarised by the nearest-rank percentile,
 * so that every figure reported is a latency that was actually measured, never an interpolation.
 */
final class LatencyRecorder {

	private long[] nanos = new long[256];

	private int count;

	synchronized void record(long elapsedNanos) {
		if (count == nanos.length) {
			nanos = Arrays.copyOf(nanos, count * 2);
		}
		nanos[count++] = elapsedNanos;
	}

	synchronized Latencies summary() {
		long[] sorted = Arrays.copyOf(nanos, count);
		Arrays.sort(sorted);
		if (sorted.length == 0) {
			return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		}
		return new Latencies(sorted.length, millis(nearestRank(sorted, 50)), millis(nearestRank(sorted, 90)),
				millis(nearestRank(sorted, 99)), millis(sorted[sorted.length - 1]));
	}

	/**
	 * The smallest value such that at least {@code percentile} % of the values are less than or equal to it.
	 * @param sorted the values in ascending order, at least one
	 * @param percentile above 0, at most 100
	 */
	static long nearestRank(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			throw new IllegalArgumentException("no values");
		}
		if (!(percentile > 0 && percentile <= 100)) {
			throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
		}
		int rank = (int) Math.ceil(percentile / 100 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	/** How many latencies, and their percentiles and maximum in milliseconds (NaN when there were none). */
	record Latencies(int count, double p50, double p90, double p99, double max) {
	}
}
