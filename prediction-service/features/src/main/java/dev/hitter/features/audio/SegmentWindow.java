package dev.hitter.features.audio;

/**
 * The part of one source track a {@link SegmentRule} chose: where it starts, how many seconds of source it
 * covers, and whether the segment is zero-padded at the end because the track is shorter than the rule's length.
 */
public record SegmentWindow(double startSeconds, double sourceSeconds, boolean padded) {

	public double endSeconds() {
		return startSeconds + sourceSeconds;
	}
}
