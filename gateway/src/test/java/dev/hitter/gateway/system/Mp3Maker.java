package dev.hitter.gateway.system;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;

import java.nio.FloatBuffer;
import java.nio.file.Path;

import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Real MP3s for the end-to-end tests, encoded by FFmpeg's LAME encoder: 44.1 kHz stereo, 192 kb/s. */
final class Mp3Maker {

	private Mp3Maker() {
	}

	/** A chord progression over a four-on-the-floor click, {@code seconds} long. */
	static Path chordsAndBeat(Path file, int seconds) throws Exception {
		int rate = 44_100;
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 2)) {
			recorder.setFormat("mp3");
			recorder.setAudioCodec(AV_CODEC_ID_MP3);
			recorder.setSampleRate(rate);
			recorder.setAudioChannels(2);
			recorder.setAudioBitrate(192_000);
			recorder.start();
			float[] block = new float[rate * 2];
			double[] roots = { 220, 174.6, 261.6, 196 };
			for (int second = 0; second < seconds; second++) {
				double root = roots[(second / 4) % roots.length];
				for (int i = 0; i < rate; i++) {
					double t = second + (double) i / rate;
					double chord = Math.sin(2 * Math.PI * root * t) + 0.6 * Math.sin(2 * Math.PI * root * 1.26 * t)
							+ 0.4 * Math.sin(2 * Math.PI * root * 1.5 * t);
					double beat = (t * 2 % 1) < 0.03 ? Math.sin(2 * Math.PI * 60 * t) : 0;
					block[2 * i] = (float) (0.2 * chord + 0.4 * beat);
					block[2 * i + 1] = (float) (0.2 * chord + 0.4 * beat);
				}
				recorder.recordSamples(rate, 2, FloatBuffer.wrap(block));
			}
			recorder.stop();
		}
		return file;
	}
}
