package dev.hitter.serving;

import java.util.List;

/**
 * The lyrics model's answer for one song's lyrics.
 *
 * @param model the model that answered
 * @param logit the raw logit
 * @param modelProbability the model's own sigmoid of the logit, before calibration
 * @param probability the calibrated hit probability (the card's Platt scaling)
 * @param contributions each token's share of the raw logit, in lyrics order (padding left out); their sum plus the
 *     model's output bias is {@link #logit()}. In this model's own currency: {@link HitScore#attribution()} has them
 *     in the combined one, comparable with the audio
 * @param unknownTokens tokens the vocabulary does not hold
 * @param truncated whether the lyrics were longer than the model reads
 */
public record LyricsScore(ModelReference model, double logit, double modelProbability, double probability,
		List<TokenContribution> contributions, int unknownTokens, boolean truncated) {

	public LyricsScore {
		contributions = List.copyOf(contributions);
	}
}
