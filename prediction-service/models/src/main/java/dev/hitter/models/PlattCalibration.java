package dev.hitter.models;

/**
 * Platt scaling fitted on the validation split: the calibrated probability is {@code sigmoid(a·logit + b)}, so
 * that of the tracks given 0.7, about 70 % are hits.
 */
public record PlattCalibration(double a, double b) {

	/** No calibration: the model's own sigmoid. */
	public static final PlattCalibration IDENTITY = new PlattCalibration(1, 0);

	public PlattCalibration {
		if (!Double.isFinite(a) || !Double.isFinite(b)) {
			throw new IllegalArgumentException("calibration parameters must be finite");
		}
	}

	/** The calibrated logit. */
	public double logit(double rawLogit) {
		return a * rawLogit + b;
	}

	/** The calibrated probability. */
	public double probability(double rawLogit) {
		return Sigmoid.of(logit(rawLogit));
	}
}
