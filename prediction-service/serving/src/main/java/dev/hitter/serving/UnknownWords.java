package dev.hitter.serving;

/**
 * The lyrics' tokens that the vocabulary does not hold, as one item: the model read each of them as the same
 * {@code <unk>} token, so their summed share says how much "words it did not know" moved the score, not what any one
 * of them means.
 *
 * @param count how many tokens were unknown
 * @param logit their summed share of the combined, calibrated logit
 */
public record UnknownWords(int count, double logit) {
}
