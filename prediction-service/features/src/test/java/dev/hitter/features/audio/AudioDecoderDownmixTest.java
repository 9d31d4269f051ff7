package dev.hitter.features.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.hitter.features.audio.Clips.Format;

/**
 * The mono the models hear is the mean of the source channels, in every format: lossy codecs decode to planar
 * samples (one buffer per channel), so a downmix that read only the first plane, or FFmpeg's own 0.707·(L+R), would
 * pass any test whose channels are equal. Here each channel carries its own tone, and each tone must come out of the
 * downmix at its level in its channel divided by the channel count.
 *
 * <p>The level in each channel is measured on the file as decoded, channel by channel, not assumed from what was
 * encoded: FFmpeg's experimental Vorbis encoder, for one, halves a right-channel tone of a stereo pair.
 */
class AudioDecoderDownmixTest {

	private static final int RATE = 16_000;

	private static final double AMPLITUDE = 0.5;

	// The downmix and the per-channel reference decode the same stream: only resampling separates them. A wrong
	// downmix (one channel, or 0.707 of the sum) is off by a third of a tone's level or more.
	private static final double TOLERANCE = 0.01;

	/** FFmpeg's 5.1 order: FL, FR, FC, LFE, SL, SR; the LFE gets a tone that an LFE channel keeps. */
	private static final double[] SURROUND_HZ = { 500, 700, 900, 80, 1100, 1300 };

	private final AudioDecoder decoder = new AudioDecoder();

	@TempDir
	Path dir;

	static Stream<Arguments> stereoCases() {
		return Stream.of(Format.values())
			.flatMap(format -> Stream.of(Arguments.of(format, 440.0, 880.0), Arguments.of(format, 440.0, 0.0),
					Arguments.of(format, 0.0, 660.0)));
	}

	@ParameterizedTest(name = "{0}: left {1} Hz, right {2} Hz")
	@MethodSource("stereoCases")
	void stereoWithDifferentChannelsGivesTheirMean(Format format, double leftHz, double rightHz) {
		double[] hz = { leftHz, rightHz };
		Path clip = Clips.write(dir.resolve("lr." + format.extension), format, 44_100, 2, 3, (t, c) -> tone(hz[c], t));

		assertMeanOfChannels(clip, format, hz);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Format.class, names = { "WAV", "FLAC", "M4A_AAC", "OPUS" })
	void fivePointOneGivesTheMeanOfAllSixChannels(Format format) {
		Path clip = Clips.write(dir.resolve("surround." + format.extension), format, 48_000, 6, 12,
				(t, c) -> tone(SURROUND_HZ[c], t));

		assertThat(decoder.decode(clip, SegmentRule.melon()).sourceChannels()).isEqualTo(6);
		assertMeanOfChannels(clip, format, SURROUND_HZ);
	}

	/** Channel {@code c} carries {@code hz[c]} (0: silence); each tone's level in the mono is its channel's / n. */
	private void assertMeanOfChannels(Path clip, Format format, double[] hz) {
		float[] mono = decoder.decodeAll(clip);
		float[][] channels = decodeChannels(clip);
		assertThat(channels.length).as("%s: channels in the file", format).isEqualTo(hz.length);

		int rate = sourceRate(clip);
		for (int c = 0; c < hz.length; c++) {
			if (hz[c] == 0) {
				continue;
			}
			double inChannel = Clips.amplitudeAt(channels[c], rate, rate, rate, hz[c]);
			assertThat(inChannel).as("%s: channel %d carries its %s Hz tone", format, c, hz[c]).isGreaterThan(0.1);
			assertThat(Clips.amplitudeAt(mono, RATE, RATE, RATE, hz[c]))
				.as("%s: the %s Hz tone of channel %d (level %.3f) in the mono", format, hz[c], c, inChannel)
				.isCloseTo(inChannel / hz.length, within(TOLERANCE));
		}
	}

	private static double tone(double hz, double t) {
		return hz == 0 ? 0 : AMPLITUDE * Math.sin(2 * Math.PI * hz * t);
	}

	/** The first two seconds of each channel as FFmpeg decodes it, at the source rate, without any mixing. */
	private static float[][] decodeChannels(Path clip) {
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
			grabber.setSampleMode(FFmpegFrameGrabber.SampleMode.FLOAT);
			grabber.start();
			int n = grabber.getAudioChannels();
			int length = grabber.getSampleRate() * 2;
			float[][] channels = new float[n][length];
			int filled = 0;
			Frame frame;
			while (filled < length && (frame = grabber.grabSamples()) != null) {
				boolean planar = frame.samples.length == n && n > 1;
				int count = ((FloatBuffer) frame.samples[0]).remaining() / (planar ? 1 : n);
				for (int i = 0; i < count && filled + i < length; i++) {
					for (int c = 0; c < n; c++) {
						channels[c][filled + i] = planar ? ((FloatBuffer) frame.samples[c]).get(i)
								: ((FloatBuffer) frame.samples[0]).get(i * n + c);
					}
				}
				filled += count;
			}
			return channels;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot decode " + clip, ex);
		}
	}

	private static int sourceRate(Path clip) {
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
			grabber.start();
			return grabber.getSampleRate();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot open " + clip, ex);
		}
	}
}
