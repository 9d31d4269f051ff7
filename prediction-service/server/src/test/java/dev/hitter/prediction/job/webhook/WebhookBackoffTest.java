package dev.hitter.prediction.job.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WebhookBackoffTest {

	private static final int SAMPLES = 2_000;

	private final WebhookBackoff backoff = new WebhookBackoff(Duration.ofSeconds(10), Duration.ofMinutes(30), 8);

	@Test
	void delaysTripleAfterEachFailureWithinTheJitter() {
		long[] centresMillis = { 10_000, 30_000, 90_000, 270_000, 810_000 };
		for (int failed = 1; failed <= centresMillis.length; failed++) {
			assertDelaysWithin(backoff, failed, centresMillis[failed - 1]);
		}
	}

	@Test
	void delaysStopGrowingAtTheCap() {
		// 10 s × 3^5 = 40.5 min and 10 s × 3^6 = 121.5 min are both above the 30 min cap.
		assertDelaysWithin(backoff, 6, Duration.ofMinutes(30).toMillis());
		assertDelaysWithin(backoff, 7, Duration.ofMinutes(30).toMillis());
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		assertThat(backoff.delayAfter(7)).isPresent();
		assertThat(backoff.delayAfter(8)).isEmpty();
		assertThat(backoff.delayAfter(9)).isEmpty();
		assertThat(new WebhookBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).delayAfter(1)).isEmpty();
	}

	@Test
	void manyAttemptsDoNotOverflow() {
		WebhookBackoff patient = new WebhookBackoff(Duration.ofSeconds(10), Duration.ofHours(6), 1_000);

		assertDelaysWithin(patient, 999, Duration.ofHours(6).toMillis());
	}

	@Test
	void jitterSpreadsDelaysOverTheWholeBand() {
		Set<Long> seen = new HashSet<>();
		long below = 0;
		long above = 0;
		for (int i = 0; i < SAMPLES; i++) {
			long millis = backoff.delayAfter(2).orElseThrow().toMillis();
			seen.add(millis);
			below += millis < 27_000 ? 1 : 0;
			above += millis > 33_000 ? 1 : 0;
		}
		// Uniform over 24–36 s: about a quarter of the samples fall in each outer 3 s.
		assertThat(seen).hasSizeGreaterThan(SAMPLES / 2);
		assertThat(below).isBetween(SAMPLES / 8L, SAMPLES * 3 / 8L);
		assertThat(above).isBetween(SAMPLES / 8L, SAMPLES * 3 / 8L);
	}

	@Test
	void neverWaitsLessThanOneSecond() {
		WebhookBackoff quick = new WebhookBackoff(Duration.ofMillis(500), Duration.ofSeconds(2), 5);

		for (int i = 0; i < SAMPLES; i++) {
			assertThat(quick.delayAfter(1).orElseThrow()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		}
	}

	@Test
	void rejectsSettingsThatMakeNoSense() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookBackoff(Duration.ZERO, Duration.ofSeconds(1), 3));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
		assertThatIllegalArgumentException().isThrownBy(() -> backoff.delayAfter(0));
	}

	private static void assertDelaysWithin(WebhookBackoff backoff, int failedAttempts, long centreMillis) {
		long low = Math.round(centreMillis * 0.8);
		long high = Math.round(centreMillis * 1.2);
		for (int i = 0; i < SAMPLES; i++) {
			assertThat(backoff.delayAfter(failedAttempts).orElseThrow().toMillis())
				.as("delay after %d failures", failedAttempts)
				.isBetween(low, high);
		}
	}
}
