package dev.hitter.serving;

/**
 * How much one word of the lyrics moved a logit (positive: towards a hit): the lyrics model's raw logit in a
 * {@link LyricsScore}, the combined, calibrated logit in a {@link HitAttribution}.
 *
 * @param position the token's position in the encoded lyrics
 * @param surface the words of the lyrics it came from, as written
 * @param key the vocabulary key it was looked up by
 * @param known false when the vocabulary does not hold the key (the model saw it as {@code <unk>})
 * @param logit its share of the logit
 */
public record TokenContribution(int position, String surface, String key, boolean known, double logit) {

	/** The same token with its share multiplied by {@code factor} (a logit carried into another one). */
	TokenContribution scaled(double factor) {
		return new TokenContribution(position, surface, key, known, logit * factor);
	}
}
