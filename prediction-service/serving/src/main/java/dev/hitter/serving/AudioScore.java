package dev.hitter.serving;

import java.util.List;

/**
 * The audio model's answer for one 30-second segment.
 *
 * @param model the model that answered
 * @param logit the raw logit
 * @param modelProbability the model's own sigmoid of the logit, before calibration
 * @param probability the calibrated hit probability (the card's Platt scaling)
 * @param contributions each stretch of the segment's share of the raw logit, in time order; their sum plus the
 *     model's output bias is {@link #logit()}. In this model's own currency: {@link HitScore#attribution()} has them
 *     in the combined one, comparable with the words
 */
public record AudioScore(ModelReference model, double logit, double modelProbability, double probability,
		List<TimeContribution> contributions) {

	public AudioScore {
		contributions = List.copyOf(contributions);
	}
}
