package dev.hitter.models;

/**
 * How a genre's two scores become one hit probability: a logistic regression on the two calibrated logits,
 * fitted on the validation split, {@code sigmoid(audioWeight·audio + lyricsWeight·lyrics + bias)}.
 *
 * @param method how it was fitted, e.g. {@code logistic-regression on validation}
 * @param audioWeight weight of the calibrated audio logit
 * @param lyricsWeight weight of the calibrated lyrics logit
 * @param bias the intercept
 */
public record Combination(String method, double audioWeight, double lyricsWeight, double bias) {

	public Combination {
		if (!Double.isFinite(audioWeight) || !Double.isFinite(lyricsWeight) || !Double.isFinite(bias)) {
			throw new IllegalArgumentException("combination weights must be finite");
		}
	}

	/** Both scores count alike; what a model set without a fitted combination falls back to. */
	public static Combination equalWeights() {
		return new Combination("equal weights (not fitted)", 0.5, 0.5, 0);
	}

	public double probability(double calibratedAudioLogit, double calibratedLyricsLogit) {
		return Sigmoid.of(audioWeight * calibratedAudioLogit + lyricsWeight * calibratedLyricsLogit + bias);
	}

	/** The share of the combined logit owed to the audio (0–1), for "how the two were combined". */
	public double audioShare(double calibratedAudioLogit, double calibratedLyricsLogit) {
		double audio = Math.abs(audioWeight * calibratedAudioLogit);
		double lyrics = Math.abs(lyricsWeight * calibratedLyricsLogit);
		return audio + lyrics == 0 ? 0.5 : audio / (audio + lyrics);
	}
}
