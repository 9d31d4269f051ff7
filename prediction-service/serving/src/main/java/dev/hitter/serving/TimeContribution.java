package dev.hitter.serving;

/**
 * How much one stretch of the 30-second segment moved a logit (positive: towards a hit): the audio model's raw
 * logit in an {@link AudioScore}, the combined, calibrated logit in a {@link HitAttribution}.
 *
 * @param fromSeconds start of the stretch, from the start of the segment
 * @param toSeconds end of the stretch
 * @param logit its share of the logit
 */
public record TimeContribution(double fromSeconds, double toSeconds, double logit) {

	/** The same stretch with its share multiplied by {@code factor} (a logit carried into another one). */
	TimeContribution scaled(double factor) {
		return new TimeContribution(fromSeconds, toSeconds, logit * factor);
	}
}
