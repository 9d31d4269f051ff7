package dev.hitter.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Real time plus an offset the test moves forward. Tests that {@code @Import(MovableClock.Configuration.class)}
 * share one application context, so each works only with sessions it started itself.
 */
public final class MovableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	private final AtomicReference<Instant> frozenAt = new AtomicReference<>();

	public void advance(Duration by) {
		offset.updateAndGet(current -> current.plus(by));
	}

	/** Stops time (until {@link #unfreeze}): for tests where real seconds passing under load would change answers. */
	public void freeze() {
		frozenAt.set(instant());
	}

	public void unfreeze() {
		frozenAt.set(null);
	}

	@Override
	public Instant instant() {
		Instant frozen = frozenAt.get();
		return frozen != null ? frozen : Instant.now().plus(offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}
	}
}
