package dev.hitter.features.audio;

/**
 * One decoded segment: mono samples at the rule's rate plus what the source was and which part of it they are.
 *
 * @param samples mono PCM in [-1, 1] (mean of the source channels), exactly the rule's length
 * @param sampleRate rate of {@code samples} in Hz
 * @param sourceDurationSeconds how long the source track is
 * @param sourceSampleRate the source's sample rate in Hz
 * @param sourceChannels the source's channel count
 * @param container FFmpeg's name for the container, e.g. {@code mp3} or {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param codec FFmpeg's name for the audio codec, e.g. {@code mp3float} or {@code flac}
 * @param segmentStartSeconds where the segment starts in the source
 * @param padded whether the segment ends in zeros because the source is shorter than the rule's length
 * @param decodedSeconds how many seconds of source audio were decoded to produce it (seeking keeps this small)
 */
public record DecodedAudio(float[] samples, int sampleRate, double sourceDurationSeconds, int sourceSampleRate,
		int sourceChannels, String container, String codec, double segmentStartSeconds, boolean padded,
		double decodedSeconds) {

	public double segmentSeconds() {
		return (double) samples.length / sampleRate;
	}
}
