package dev.hitter.features.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.hitter.features.audio.Clips.Format;

/** A 10-minute track costs a ~30 s decode, not a 10-minute one: the decoder seeks to the segment. */
class AudioDecoderLongTrackTest {

	private static final int RATE = 16_000;

	private static final double SEGMENT_HZ = 1000;

	private static final double ELSEWHERE_HZ = 500;

	@TempDir
	static Path dir;

	private final AudioDecoder decoder = new AudioDecoder();

	@BeforeAll
	static void makeTenMinuteClips() {
		// Cheap to make: 8 kHz mono; a 1 kHz tone exactly where the Melon segment is, 500 Hz everywhere else.
		Clips.Signal signal = (t, c) -> 0.5 * Math.sin(2 * Math.PI * (t >= 20 && t < 50 ? SEGMENT_HZ : ELSEWHERE_HZ) * t);
		for (Format format : new Format[] { Format.MP3, Format.FLAC }) {
			Clips.write(dir.resolve("ten-minutes." + format.extension), format, 8_000, 1, 600, signal);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "MP3", "FLAC" })
	void tenMinuteTrackDecodesOnlyAboutThirtySeconds(Format format) {
		DecodedAudio audio = decoder.decode(dir.resolve("ten-minutes." + format.extension), SegmentRule.melon());

		assertThat(audio.sourceDurationSeconds()).isCloseTo(600, within(0.5));
		assertThat(audio.segmentStartSeconds()).isEqualTo(20);
		assertThat(audio.decodedSeconds()).isBetween(30.0, 35.0);
		assertThat(audio.samples()).hasSize(480_000);
		float[] s = audio.samples();
		for (int second = 1; second < 29; second += 3) {
			assertThat(Clips.amplitudeAt(s, second * RATE, RATE / 2, RATE, SEGMENT_HZ)).isGreaterThan(0.3);
			assertThat(Clips.amplitudeAt(s, second * RATE, RATE / 2, RATE, ELSEWHERE_HZ)).isLessThan(0.05);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "MP3", "FLAC" })
	void decodeAllReturnsTheWholeTrack(Format format) {
		float[] all = decoder.decodeAll(dir.resolve("ten-minutes." + format.extension));

		assertThat(all.length).isCloseTo(600 * RATE, within(RATE / 10));
		assertThat(Clips.amplitudeAt(all, 35 * RATE, RATE / 2, RATE, SEGMENT_HZ)).isGreaterThan(0.3);
		assertThat(Clips.amplitudeAt(all, 500 * RATE, RATE / 2, RATE, ELSEWHERE_HZ)).isGreaterThan(0.3);
	}
}
