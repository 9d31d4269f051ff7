package dev.hitter.features.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import dev.hitter.features.audio.AudioRejectedException.Reason;

class SegmentRuleTest {

	private final SegmentRule melon = SegmentRule.melon();

	@Test
	void melonIsThirtySecondsFromTwentyAtSixteenKilohertz() {
		assertThat(melon.sampleRate()).isEqualTo(16_000);
		assertThat(melon.lengthSamples()).isEqualTo(480_000);
		assertThat(melon.minimumSeconds()).isEqualTo(SegmentRule.MELON_MINIMUM_SECONDS).isEqualTo(10.0);
	}

	@Test
	void longTrackTakesSecondsTwentyToFifty() {
		assertThat(melon.window(600)).isEqualTo(new SegmentWindow(20, 30, false));
		assertThat(melon.window(50)).isEqualTo(new SegmentWindow(20, 30, false));
	}

	@Test
	void trackBetweenThirtyAndFiftySecondsTakesTheCentredThirty() {
		assertThat(melon.window(40)).isEqualTo(new SegmentWindow(5, 30, false));
		assertThat(melon.window(49.9).startSeconds()).isCloseTo(9.95, within(1e-9));
		assertThat(melon.window(30)).isEqualTo(new SegmentWindow(0, 30, false));
	}

	@Test
	void trackShorterThanThirtySecondsIsTakenWholeAndPadded() {
		assertThat(melon.window(15)).isEqualTo(new SegmentWindow(0, 15, true));
		assertThat(melon.window(10)).isEqualTo(new SegmentWindow(0, 10, true));
	}

	@Test
	void trackShorterThanTheMinimumIsRefusedNamingTheMinimum() {
		assertThatThrownBy(() -> melon.window(9.99)).isInstanceOfSatisfying(AudioRejectedException.class,
				ex -> {
					assertThat(ex.reason()).isEqualTo(Reason.TOO_SHORT);
					assertThat(ex.getMessage()).contains("10 s").contains("minimum");
				});
		assertThatThrownBy(() -> melon.window(Double.NaN)).isInstanceOf(AudioRejectedException.class);
	}

	@Test
	void windowNeverLeavesTheTrack() {
		for (double d = 10; d <= 120; d += 0.37) {
			SegmentWindow w = melon.window(d);
			assertThat(w.startSeconds()).isGreaterThanOrEqualTo(0);
			assertThat(w.endSeconds()).isLessThanOrEqualTo(d + 1e-9);
			assertThat(w.sourceSeconds()).isLessThanOrEqualTo(30);
		}
	}

	@Test
	void rejectsNonsenseSettings() {
		assertThatThrownBy(() -> new SegmentRule(16_000, 20, 30, 40)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("minimumSeconds");
		assertThatThrownBy(() -> new SegmentRule(16_000, -1, 30, 10)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SegmentRule(0, 20, 30, 10)).isInstanceOf(IllegalArgumentException.class);
	}
}
