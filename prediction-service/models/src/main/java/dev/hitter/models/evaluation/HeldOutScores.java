package dev.hitter.models.evaluation;

import java.util.Objects;

/**
 * The songs of an evaluation set with what each model answered: labels, and calibrated probabilities of the audio
 * model, the lyrics model (null when it was not trained) and their combination, all in the same song order.
 */
public record HeldOutScores(boolean[] hits, double[] audio, double[] lyrics, double[] combined) {

	public HeldOutScores {
		Objects.requireNonNull(hits, "hits");
		Objects.requireNonNull(audio, "audio");
		Objects.requireNonNull(combined, "combined");
		if (audio.length != hits.length || combined.length != hits.length
				|| lyrics != null && lyrics.length != hits.length) {
			throw new IllegalArgumentException("every model needs one probability per song (" + hits.length + ")");
		}
	}

	public int songs() {
		return hits.length;
	}

	public int positives() {
		int count = 0;
		for (boolean hit : hits) {
			count += hit ? 1 : 0;
		}
		return count;
	}
}
