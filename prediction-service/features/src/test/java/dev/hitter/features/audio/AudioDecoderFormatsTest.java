package dev.hitter.features.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.hitter.features.audio.AudioRejectedException.Reason;
import dev.hitter.features.audio.Clips.Format;

/** Every accepted format decodes, and the segment rule picks the right stretch of each. */
class AudioDecoderFormatsTest {

	private static final int RATE = 16_000;

	private final AudioDecoder decoder = new AudioDecoder();

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(Format.class)
	void sixtySecondTrackGivesSecondsTwentyToFifty(Format format) {
		Path clip = Clips.write(dir.resolve("60s." + format.extension), format, 22_050, 1, 60, Clips.sections(10));

		DecodedAudio audio = decoder.decode(clip, SegmentRule.melon());

		assertThat(audio.samples()).hasSize(480_000);
		assertThat(audio.sampleRate()).isEqualTo(RATE);
		assertThat(audio.sourceDurationSeconds()).isCloseTo(60, within(0.1));
		assertThat(audio.sourceSampleRate()).isEqualTo(format.rateFor(22_050));
		assertThat(audio.sourceChannels()).isEqualTo(format.channelsFor(1));
		assertThat(audio.segmentStartSeconds()).isEqualTo(20);
		assertThat(audio.padded()).isFalse();
		assertThat(audio.decodedSeconds()).isBetween(30.0, 35.0);
		assertSectionsMatch(audio, 30);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void fortySecondTrackGivesTheCentredThirty(Format format) {
		Path clip = Clips.write(dir.resolve("40s." + format.extension), format, 44_100, 2, 40, Clips.sections(10));

		DecodedAudio audio = decoder.decode(clip, SegmentRule.melon());

		assertThat(audio.samples()).hasSize(480_000);
		assertThat(audio.sourceDurationSeconds()).isCloseTo(40, within(0.1));
		assertThat(audio.segmentStartSeconds()).isCloseTo(5, within(0.05));
		assertThat(audio.padded()).isFalse();
		assertSectionsMatch(audio, 30);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void fifteenSecondTrackIsTakenWholeAndZeroPadded(Format format) {
		Path clip = Clips.write(dir.resolve("15s." + format.extension), format, 48_000, 1, 15, Clips.sections(5));

		DecodedAudio audio = decoder.decode(clip, SegmentRule.melon());

		assertThat(audio.samples()).hasSize(480_000);
		assertThat(audio.sourceDurationSeconds()).isCloseTo(15, within(0.1));
		assertThat(audio.segmentStartSeconds()).isZero();
		assertThat(audio.padded()).isTrue();
		assertSectionsMatch(audio, 15);
		assertThat(Clips.rms(audio.samples(), 15 * RATE + RATE / 10, 480_000)).isLessThan(1e-3);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void fiveSecondTrackIsTooShort(Format format) {
		Path clip = Clips.write(dir.resolve("5s." + format.extension), format, 44_100, 1, 5, Clips.sections(10));

		assertThatThrownBy(() -> decoder.decode(clip, SegmentRule.melon()))
				.isInstanceOfSatisfying(AudioRejectedException.class,
						ex -> assertThat(ex.reason()).isEqualTo(Reason.TOO_SHORT));
	}

	/** Checks, one second into and out of each section, that the segment holds the source's section there. */
	private static void assertSectionsMatch(DecodedAudio audio, double sourceSeconds) {
		double sectionSeconds = audio.sourceDurationSeconds() < 20 ? 5 : 10;
		for (double offset = 0.25; offset + 0.5 <= sourceSeconds - 0.25; offset += 0.5) {
			double t = audio.segmentStartSeconds() + offset;
			double intoSection = t % sectionSeconds;
			if (intoSection < 0.3 || intoSection > sectionSeconds - 0.8) {
				continue;
			}
			int section = (int) Math.floor(t / sectionSeconds);
			int from = (int) Math.round(offset * RATE);
			double expected = Clips.amplitudeAt(audio.samples(), from, RATE / 2, RATE, Clips.sectionHz(section));
			double neighbour = Clips.amplitudeAt(audio.samples(), from, RATE / 2, RATE, Clips.sectionHz(section + 1));
			assertThat(expected).as("section %d at segment offset %.2f s", section, offset).isGreaterThan(0.3);
			assertThat(neighbour).as("next section at segment offset %.2f s", offset).isLessThan(0.05);
		}
	}
}
