package dev.hitter.kit.outbox;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service's outbox relay delivers (docs/internal-calls.md).
 *
 * @param pollInterval how often the relay looks for due messages ({@code HITTER_OUTBOX_POLL_INTERVAL}); also the
 *     longest a new message waits before its first attempt
 * @param batchSize messages claimed per round and replica
 * @param lease how long a claimed message belongs to the replica that claimed it; a replica that dies mid-delivery
 *     leaves it to the others after this
 * @param initialBackoff the wait after a first failed attempt, doubled after each further one
 *     ({@code HITTER_OUTBOX_INITIAL_BACKOFF})
 * @param maxBackoff the longest wait between two attempts ({@code HITTER_OUTBOX_MAX_BACKOFF}): a destination down for
 *     a day is tried again at most this long after it returns
 * @param keepDelivered how long delivered messages are kept (to look into) before they are purged
 *     ({@code HITTER_OUTBOX_KEEP_DELIVERED})
 * @param circuitOpenFor how long, once most recent deliveries to one destination failed, a replica stops calling it
 *     (its messages wait their back-off meanwhile) before it tries one again
 */
@Validated
@ConfigurationProperties("hitter.outbox")
public record OutboxProperties(@NotNull @DefaultValue("1s") Duration pollInterval,
		@Min(1) @Max(500) @DefaultValue("20") int batchSize, @NotNull @DefaultValue("60s") Duration lease,
		@NotNull @DefaultValue("1s") Duration initialBackoff, @NotNull @DefaultValue("5m") Duration maxBackoff,
		@NotNull @DefaultValue("7d") Duration keepDelivered, @NotNull @DefaultValue("10s") Duration circuitOpenFor) {

	@AssertTrue(message = "must be positive, and max-backoff at least initial-backoff (HITTER_OUTBOX_*)")
	public boolean isBackoffSensible() {
		return initialBackoff == null || maxBackoff == null || pollInterval == null
				|| (!initialBackoff.isNegative() && !initialBackoff.isZero() && !pollInterval.isNegative() && !pollInterval.isZero() && maxBackoff.compareTo(initialBackoff) >= 0);
	}

	/** The wait after the given number of failed attempts: exponential from {@code initialBackoff}, capped. */
	public Duration backoffAfter(int failedAttempts) {
		int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
		Duration wait = initialBackoff.multipliedBy(1L << doublings);
		return wait.compareTo(maxBackoff) > 0 || wait.isNegative() ? maxBackoff : wait;
	}
}
