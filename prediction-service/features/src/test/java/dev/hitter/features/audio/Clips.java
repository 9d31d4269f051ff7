package dev.hitter.features.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FLAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16BE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VORBIS;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.nio.FloatBuffer;
import java.nio.file.Path;

import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Test clips encoded by FFmpeg's own encoders through JavaCV (no ffmpeg CLI needed). */
final class Clips {

	/** The formats the decoder must read, with the encoder that makes each one. */
	enum Format {
		WAV("wav", "wav", AV_CODEC_ID_PCM_S16LE, true),
		AIFF("aiff", "aiff", AV_CODEC_ID_PCM_S16BE, true),
		MP3("mp3", "mp3", AV_CODEC_ID_MP3, false),
		FLAC("flac", "flac", AV_CODEC_ID_FLAC, true),
		OGG_VORBIS("ogg", "ogg", AV_CODEC_ID_VORBIS, false),
		OPUS("opus", "opus", AV_CODEC_ID_OPUS, false),
		M4A_AAC("m4a", "ipod", AV_CODEC_ID_AAC, false);

		final String extension;
		final String muxer;
		final int codec;
		final boolean lossless;

		Format(String extension, String muxer, int codec, boolean lossless) {
			this.extension = extension;
			this.muxer = muxer;
			this.codec = codec;
			this.lossless = lossless;
		}

		/** Opus only encodes at 48 kHz here (and its relatives); the others take the requested rate. */
		int rateFor(int requested) {
			return this == OPUS ? 48_000 : requested;
		}

		/** FFmpeg's native Vorbis encoder only encodes stereo. */
		int channelsFor(int requested) {
			return this == OGG_VORBIS ? 2 : requested;
		}
	}

	/** A signal as a function of time in seconds and channel. */
	interface Signal {
		double at(double seconds, int channel);
	}

	static {
		// The recorder's stream dumps and encoder statistics are noise in test output.
		av_log_set_level(AV_LOG_FATAL);
	}

	private Clips() {
	}

	static Signal sine(double hz, double amplitude) {
		return (t, c) -> amplitude * Math.sin(2 * Math.PI * hz * t);
	}

	/** A tone whose frequency changes every {@code sectionSeconds}: section k has {@link #sectionHz(int)}. */
	static Signal sections(double sectionSeconds) {
		return (t, c) -> 0.5 * Math.sin(2 * Math.PI * sectionHz((int) Math.floor(t / sectionSeconds)) * t);
	}

	static double sectionHz(int section) {
		return 300 + 150 * section;
	}

	static Path write(Path file, Format format, int rate, int channels, double seconds, Signal signal) {
		int r = format.rateFor(rate);
		int ch = format.channelsFor(channels);
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), ch)) {
			recorder.setFormat(format.muxer);
			recorder.setAudioCodec(format.codec);
			recorder.setSampleRate(r);
			recorder.setAudioChannels(ch);
			recorder.setAudioBitrate(format == Format.MP3 && r <= 16_000 ? 16_000 : 96_000);
			recorder.setAudioOption("strict", "experimental");
			recorder.start();
			long total = Math.round(seconds * r);
			int block = r;
			float[] interleaved = new float[block * ch];
			for (long start = 0; start < total; start += block) {
				int n = (int) Math.min(block, total - start);
				for (int i = 0; i < n; i++) {
					double t = (double) (start + i) / r;
					for (int c = 0; c < ch; c++) {
						interleaved[i * ch + c] = (float) signal.at(t, c);
					}
				}
				recorder.recordSamples(r, ch, FloatBuffer.wrap(interleaved, 0, n * ch));
			}
			recorder.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot encode test clip " + format, ex);
		}
		return file;
	}

	/** Amplitude of one frequency in a stretch of samples (Goertzel), normalised so a sine of amplitude a gives a. */
	static double amplitudeAt(float[] samples, int from, int length, int rate, double hz) {
		double w = 2 * Math.PI * hz / rate;
		double cos = Math.cos(w);
		double s1 = 0;
		double s2 = 0;
		for (int i = from; i < from + length; i++) {
			double s0 = samples[i] + 2 * cos * s1 - s2;
			s2 = s1;
			s1 = s0;
		}
		double power = s1 * s1 + s2 * s2 - 2 * cos * s1 * s2;
		return 2 * Math.sqrt(Math.max(0, power)) / length;
	}

	static double rms(float[] samples, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += samples[i] * samples[i];
		}
		return Math.sqrt(sum / Math.max(1, to - from));
	}
}
