package dev.hitter.serving;

/**
 * How much one stretch of the 30-second segment moved the audio model's raw logit (positive: towards a hit).
 *
 * @param fromSeconds start of the stretch, from the start of the segment
 * @param toSeconds end of the stretch
 * @param logit its share of the raw logit
 */
public record TimeContribution(double fromSeconds, double toSeconds, double logit) {
}
