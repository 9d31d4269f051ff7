package dev.hitter.features.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.hitter.features.audio.Clips.Format;

/**
 * Resampling and downmix accuracy: a 440 Hz sine at common rates must come out as the analytic 440 Hz sine at
 * 16 kHz. Tolerances: SNR ≥ 60 dB for lossless sources (16-bit quantisation and the resampler's passband
 * ripple are what is left), ≥ 20 dB for lossy codecs (whose own error dominates; measured 26–67 dB).
 */
class AudioDecoderSineTest {

	private static final int RATE = 16_000;

	private static final double AMPLITUDE = 0.5;

	private static final double SECONDS = 3;

	private final AudioDecoder decoder = new AudioDecoder();

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0} {1} Hz, {2} channel(s)")
	@CsvSource({ "WAV, 44100, 1", "WAV, 44100, 2", "WAV, 48000, 1", "WAV, 48000, 2", "WAV, 22050, 1",
			"WAV, 22050, 2", "FLAC, 44100, 2", "FLAC, 48000, 1", "AIFF, 22050, 2" })
	void losslessSineMatchesTheAnalyticSineAtSixteenKilohertz(Format format, int rate, int channels) {
		Path clip = Clips.write(dir.resolve("sine." + format.extension), format, rate, channels, SECONDS,
				Clips.sine(440, AMPLITUDE));

		float[] samples = decoder.decodeAll(clip);

		assertThat(samples.length).isCloseTo((int) (SECONDS * RATE), within(RATE / 100));
		assertThat(snrDb(samples)).isGreaterThanOrEqualTo(60);
	}

	@ParameterizedTest(name = "{0} {1} Hz, {2} channel(s)")
	@CsvSource({ "MP3, 44100, 2", "MP3, 22050, 1", "M4A_AAC, 48000, 2", "M4A_AAC, 44100, 1", "OGG_VORBIS, 44100, 2",
			"OPUS, 48000, 2" })
	void lossySineMatchesLooselyAndStaysAligned(Format format, int rate, int channels) {
		Path clip = Clips.write(dir.resolve("sine." + format.extension), format, rate, channels, SECONDS,
				Clips.sine(440, AMPLITUDE));

		float[] samples = decoder.decodeAll(clip);

		assertThat(samples.length).isCloseTo((int) (SECONDS * RATE), within(RATE / 10));
		assertThat(snrDb(samples)).isGreaterThanOrEqualTo(20);
	}

	@Test
	void stereoWithEqualChannelsDecodesExactlyLikeMono() {
		Path mono = Clips.write(dir.resolve("mono.wav"), Format.WAV, 44_100, 1, SECONDS, Clips.sine(440, AMPLITUDE));
		Path stereo = Clips.write(dir.resolve("stereo.wav"), Format.WAV, 44_100, 2, SECONDS,
				Clips.sine(440, AMPLITUDE));

		float[] fromMono = decoder.decodeAll(mono);
		float[] fromStereo = decoder.decodeAll(stereo);

		assertThat(fromStereo).hasSameSizeAs(fromMono);
		for (int i = 0; i < fromMono.length; i++) {
			assertThat(fromStereo[i]).isCloseTo(fromMono[i], within(1e-6f));
		}
		assertThat(Clips.rms(fromStereo, RATE / 10, fromStereo.length - RATE / 10))
				.isCloseTo(AMPLITUDE / Math.sqrt(2), within(0.005));
	}

	@Test
	void channelsAreAveragedNotSummedAtMinusThreeDecibels() {
		Path leftOnly = Clips.write(dir.resolve("left.wav"), Format.WAV, 48_000, 2, SECONDS,
				(t, c) -> c == 0 ? AMPLITUDE * Math.sin(2 * Math.PI * 440 * t) : 0);

		float[] samples = decoder.decodeAll(leftOnly);

		// The mean halves it (0.25); FFmpeg's own downmix, 0.707·(L+R), would give 0.354.
		assertThat(Clips.amplitudeAt(samples, RATE / 10, 2 * RATE, RATE, 440)).isCloseTo(AMPLITUDE / 2, within(0.005));
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Format.class)
	void seekedSegmentIsSampleAligned(Format format) {
		Path clip = Clips.write(dir.resolve("long-sine." + format.extension), format, 44_100, 1, 60,
				Clips.sine(440, AMPLITUDE));

		DecodedAudio audio = decoder.decode(clip, SegmentRule.melon());

		assertThat(audio.segmentStartSeconds()).isEqualTo(20);
		assertThat(audio.decodedSeconds()).isLessThan(35);
		// At 440 Hz a one-sample shift alone costs 15 dB of SNR, so these bounds pin the segment to within a sample.
		assertThat(snrDb(audio.samples(), 20.0)).isGreaterThanOrEqualTo(format.lossless ? 60 : 20);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Format.class)
	void seekingGivesTheSameSamplesAsDecodingFromTheStart(Format format) {
		Path clip = Clips.write(dir.resolve("forty." + format.extension), format, 44_100, 1, 40,
				Clips.sine(440, AMPLITUDE));

		DecodedAudio segment = decoder.decode(clip, SegmentRule.melon());
		float[] all = decoder.decodeAll(clip);

		// Ogg's stated length includes a few ms of codec padding, which moves the centred window by half of it.
		assertThat(segment.segmentStartSeconds()).isCloseTo(5, within(0.01));
		assertThat(segment.decodedSeconds()).isLessThan(35);
		int from = (int) Math.round(segment.segmentStartSeconds() * RATE);
		float[] slice = Arrays.copyOfRange(all, from, from + 30 * RATE);
		double signal = 0;
		double difference = 0;
		for (int i = 0; i < slice.length; i++) {
			signal += slice[i] * slice[i];
			difference += (segment.samples()[i] - slice[i]) * (segment.samples()[i] - slice[i]);
		}
		// After the one-second pre-roll, decoder and resampler state match a decode from the start.
		assertThat(10 * Math.log10(signal / Math.max(difference, 1e-30))).isGreaterThanOrEqualTo(80);
	}

	/** SNR of the decoded samples against 0.5·sin(2π·440·n/16000), skipping 0.1 s at each edge. */
	private static double snrDb(float[] samples) {
		return snrDb(samples, 0);
	}

	/** As {@link #snrDb(float[])}, for samples that start {@code offsetSeconds} into the sine. */
	private static double snrDb(float[] samples, double offsetSeconds) {
		double signal = 0;
		double noise = 0;
		int edge = RATE / 10;
		for (int n = edge; n < samples.length - edge; n++) {
			double expected = AMPLITUDE * Math.sin(2 * Math.PI * 440 * ((double) n / RATE + offsetSeconds));
			signal += expected * expected;
			noise += (samples[n] - expected) * (samples[n] - expected);
		}
		double snr = 10 * Math.log10(signal / Math.max(noise, 1e-30));
		return snr;
	}
}
