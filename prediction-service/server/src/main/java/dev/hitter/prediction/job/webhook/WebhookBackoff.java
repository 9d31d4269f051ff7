package dev.hitter.prediction.job.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a webhook delivery again: the first delay tripled after each failure up to a cap, with ±20 % jitter so
 * that deliveries failing together (a receiver's outage) do not all come back at once, and when to give up.
 */
public final class WebhookBackoff {

	static final Duration MIN_DELAY = Duration.ofSeconds(1);

	static final double JITTER = 0.2;

	private final long firstMillis;

	private final long maxMillis;

	private final int maxAttempts;

	/**
	 * @param first delay after the first failed attempt
	 * @param max cap on the delay before jitter, so a delay may come out at up to 1.2 × {@code max}
	 * @param maxAttempts attempts in all, the first included; no delay is given after the last one
	 */
	public WebhookBackoff(Duration first, Duration max, int maxAttempts) {
		Objects.requireNonNull(first, "first");
		Objects.requireNonNull(max, "max");
		if (first.isNegative() || first.isZero()) {
			throw new IllegalArgumentException("The first webhook retry delay must be positive, not " + first);
		}
		if (max.compareTo(first) < 0) {
			throw new IllegalArgumentException(
					"The longest webhook retry delay (" + max + ") must not be shorter than the first (" + first + ")");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("Webhook deliveries need at least one attempt, not " + maxAttempts);
		}
		this.firstMillis = first.toMillis();
		this.maxMillis = max.toMillis();
		this.maxAttempts = maxAttempts;
	}

	/** The delay before the next attempt after {@code failedAttempts} failures, or empty to give up. */
	public Optional<Duration> delayAfter(int failedAttempts) {
		if (failedAttempts < 1) {
			throw new IllegalArgumentException(
					"A retry delay follows at least one failed attempt, not " + failedAttempts);
		}
		if (failedAttempts >= maxAttempts) {
			return Optional.empty();
		}
		long base = firstMillis;
		// Stop multiplying at the cap: 3^n overflows a long after 40 attempts.
		for (int i = 1; i < failedAttempts && base < maxMillis; i++) {
			base = base > maxMillis / 3 ? maxMillis : base * 3;
		}
		base = Math.min(base, maxMillis);
		double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
		long jittered = Math.round(base * factor);
		return Optional.of(Duration.ofMillis(Math.max(jittered, MIN_DELAY.toMillis())));
	}

	public int maxAttempts() {
		return maxAttempts;
	}
}
