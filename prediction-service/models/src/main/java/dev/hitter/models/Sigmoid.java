package dev.hitter.models;

/** The logistic function, computed without overflow for large negative inputs. */
public final class Sigmoid {

	private Sigmoid() {
	}

	public static double of(double z) {
		if (z >= 0) {
			return 1 / (1 + Math.exp(-z));
		}
		double e = Math.exp(z);
		return e / (1 + e);
	}

	/** The inverse, clamped away from 0 and 1 so that it stays finite. */
	public static double logit(double p) {
		double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
		return Math.log(q / (1 - q));
	}
}
