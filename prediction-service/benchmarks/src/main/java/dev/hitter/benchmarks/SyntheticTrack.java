package dev.hitter.benchmarks;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * The benchmarks' music-like test track: a chord over a noisy click on every half second, encoded by FFmpeg's
 * LAME encoder as a 44.1 kHz stereo MP3 at 192 kb/s, the same bytes for the same length on every run.
 */
public final class SyntheticTrack {

	private SyntheticTrack() {
	}

	/** Writes {@code seconds} of the track to {@code file} and returns it. */
	public static Path mp3(Path file, int seconds) throws Exception {
		return mp3(file, seconds, 0);
	}

	/**
	 * Writes {@code seconds} of variant {@code variant} of the track: the chord a semitone higher per variant,
	 * another click noise, so that a catalogue of them is not one file many times. Variant 0 is {@link #mp3(Path, int)}.
	 */
	public static Path mp3(Path file, int seconds, int variant) throws Exception {
		int rate = 44_100;
		double shift = Math.pow(2, (variant % 12) / 12.0); // exactly 1 for variant 0
		// A fixed seed: the click's noise, and so the encoded size, stays the same from run to run.
		SplittableRandom random = new SplittableRandom(7 + variant);
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 2)) {
			recorder.setFormat("mp3");
			recorder.setAudioCodec(AV_CODEC_ID_MP3);
			recorder.setSampleRate(rate);
			recorder.setAudioChannels(2);
			recorder.setAudioBitrate(192_000);
			recorder.start();
			float[] block = new float[rate * 2];
			for (int second = 0; second < seconds; second++) {
				for (int i = 0; i < rate; i++) {
					double t = second + (double) i / rate;
					double chord = Math.sin(2 * Math.PI * shift * 220 * t) + 0.6 * Math.sin(2 * Math.PI * shift * 277.2 * t)
							+ 0.4 * Math.sin(2 * Math.PI * shift * 329.6 * t);
					double beat = (t * 2 % 1) < 0.05 ? random.nextDouble() - 0.5 : 0;
					block[2 * i] = (float) (0.2 * chord + 0.3 * beat);
					block[2 * i + 1] = (float) (0.2 * chord - 0.3 * beat);
				}
				recorder.recordSamples(rate, 2, FloatBuffer.wrap(block));
			}
			recorder.stop();
		}
		return file;
	}
}
