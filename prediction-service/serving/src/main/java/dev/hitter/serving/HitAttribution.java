package dev.hitter.serving;

import java.util.List;

/**
 * A {@link HitScore}'s combined, calibrated logit split into what each part of the song added, all in that one
 * currency, so that an audio stretch and a lyric word compare:
 * {@code logit = bias + Σ audio + Σ words + unknownWords.logit + residual}.
 *
 * <p>The combined logit is {@code z = wₐ·(aₐ·sₐ + bₐ) + wₗ·(aₗ·sₗ + bₗ) + c} (the {@link dev.hitter.models.Combination}
 * of the two {@link dev.hitter.models.PlattCalibration}s), and each network's raw logit {@code s} is its
 * contributions plus its output bias. So an audio contribution counts {@code wₐ·aₐ} times its raw value, a word
 * {@code wₗ·aₗ} times, and every constant (the networks' output biases, the calibrations' intercepts, the
 * combination's intercept) is gathered in {@link #bias}.
 *
 * @param logit the combined, calibrated logit: {@code ln(p / (1 − p))} of the hit probability
 * @param bias the baseline: the logit of a song whose every contribution were zero
 * @param audio each stretch of the 30-second segment's share, in time order
 * @param words each token the vocabulary holds, its share, in lyrics order (padding left out)
 * @param unknownWords the tokens the vocabulary lacks, as one item
 * @param residual what the contributions and the bias leave unexplained: float rounding (about 1e-6) for networks
 *     whose attribution is exact, as the trainer's are; more means a model whose contributions do not add up to its
 *     logit, shown rather than hidden
 */
public record HitAttribution(double logit, double bias, List<TimeContribution> audio, List<TokenContribution> words,
		UnknownWords unknownWords, double residual) {

	public HitAttribution {
		audio = List.copyOf(audio);
		words = List.copyOf(words);
	}

	/** The audio's summed share. */
	public double audioTotal() {
		return audio.stream().mapToDouble(TimeContribution::logit).sum();
	}

	/** The known words' summed share. */
	public double wordsTotal() {
		return words.stream().mapToDouble(TokenContribution::logit).sum();
	}
}
