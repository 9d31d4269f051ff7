package dev.hitter.serving;

/**
 * How much one word of the lyrics moved the lyrics model's raw logit (positive: towards a hit).
 *
 * @param position the token's position in the encoded lyrics
 * @param surface the words of the lyrics it came from, as written
 * @param key the vocabulary key it was looked up by
 * @param known false when the vocabulary does not hold the key (the model saw it as {@code <unk>})
 * @param logit its share of the raw logit
 */
public record TokenContribution(int position, String surface, String key, boolean known, double logit) {
}
