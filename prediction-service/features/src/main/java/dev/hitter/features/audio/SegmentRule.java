package dev.hitter.features.audio;

/**
 * Which stretch of a track becomes the model's input, and how short tracks are handled.
 *
 * <p>The default, {@link #melon()}, follows the Melon Playlist Dataset convention: seconds 20 to 50 of the
 * track (30 s, 480,000 samples at 16 kHz). A track too short for that window falls back, by
 * {@link #window(double)}:
 * <ul>
 * <li>at least {@code start + length} seconds long: the window {@code [start, start + length)};</li>
 * <li>shorter than that but at least {@code length} seconds: the centred {@code length} seconds;</li>
 * <li>shorter than {@code length} but at least {@code minimum} seconds: the whole track, zero-padded at the end
 * to {@code length};</li>
 * <li>shorter than {@code minimum} seconds: refused ({@link AudioRejectedException.Reason#TOO_SHORT}).</li>
 * </ul>
 *
 * @param sampleRate output sample rate in Hz (16,000 for Melon)
 * @param startSeconds where the preferred window starts in the source (20 s for Melon)
 * @param lengthSeconds how long the window is (30 s for Melon)
 * @param minimumSeconds the shortest track accepted at all (10 s for Melon)
 */
public record SegmentRule(int sampleRate, double startSeconds, double lengthSeconds, double minimumSeconds) {

	/** Melon's rule refuses tracks shorter than this; a setting, not a property of the dataset. */
	public static final double MELON_MINIMUM_SECONDS = 10.0;

	public SegmentRule {
		if (sampleRate < 1000 || sampleRate > 192_000) {
			throw new IllegalArgumentException("sampleRate must be in [1000, 192000] Hz, was " + sampleRate);
		}
		if (!(startSeconds >= 0) || !Double.isFinite(startSeconds)) {
			throw new IllegalArgumentException("startSeconds must be finite and >= 0, was " + startSeconds);
		}
		if (!(lengthSeconds > 0) || lengthSeconds > 3600) {
			throw new IllegalArgumentException("lengthSeconds must be in (0, 3600], was " + lengthSeconds);
		}
		if (!(minimumSeconds > 0) || minimumSeconds > lengthSeconds) {
			throw new IllegalArgumentException(
					"minimumSeconds must be in (0, lengthSeconds], was " + minimumSeconds);
		}
	}

	/** Seconds 20–50 at 16 kHz, with the fallbacks above and a 10 s minimum. */
	public static SegmentRule melon() {
		return new SegmentRule(16_000, 20.0, 30.0, MELON_MINIMUM_SECONDS);
	}

	/** How many output samples every segment has, padding included. */
	public int lengthSamples() {
		return (int) Math.round(lengthSeconds * sampleRate);
	}

	/**
	 * The stretch of a track of the given duration to take; a pure function of the duration.
	 *
	 * @throws AudioRejectedException with {@code TOO_SHORT} below {@link #minimumSeconds()}
	 */
	public SegmentWindow window(double durationSeconds) {
		if (!(durationSeconds >= minimumSeconds)) {
			throw new AudioRejectedException(AudioRejectedException.Reason.TOO_SHORT, String.format(
					"The audio is %.1f s long; at least %.0f s are needed (minimum length setting).",
					Math.max(0, durationSeconds), minimumSeconds));
		}
		if (durationSeconds >= startSeconds + lengthSeconds) {
			return new SegmentWindow(startSeconds, lengthSeconds, false);
		}
		if (durationSeconds >= lengthSeconds) {
			return new SegmentWindow((durationSeconds - lengthSeconds) / 2, lengthSeconds, false);
		}
		return new SegmentWindow(0, durationSeconds, true);
	}
}
