package dev.hitter.features.audio;

/**
 * The {@link SegmentRule} applied to PCM that is already decoded (a {@code .npy} of 16 kHz samples, a
 * training set's cached audio): the same window, the same padding, the same refusal as for an audio file.
 */
public final class PcmSegment {

	private PcmSegment() {
	}

	/** The rule's segment of {@code pcm}, sampled at {@code rule.sampleRate()}; exactly rule-length samples. */
	public static float[] cut(float[] pcm, SegmentRule rule) {
		SegmentWindow window = rule.window((double) pcm.length / rule.sampleRate());
		int from = (int) Math.round(window.startSeconds() * rule.sampleRate());
		int to = Math.min(pcm.length, from + rule.lengthSamples());
		float[] segment = new float[rule.lengthSamples()]; // zeros past the track's end are the rule's padding
		System.arraycopy(pcm, from, segment, 0, Math.max(0, to - from));
		return segment;
	}
}
