package dev.hitter.trainer.network;

/**
 * What a network says about a batch: the raw logit, its sigmoid and each position's share of the logit, exactly
 * the three signature outputs.
 *
 * @param logits one per example
 * @param probabilities sigmoid of each logit (uncalibrated)
 * @param contributions per example, one value per time position (audio) or token position (lyrics)
 */
public record Predictions(float[] logits, float[] probabilities, float[][] contributions) {

	public int size() {
		return logits.length;
	}
}
