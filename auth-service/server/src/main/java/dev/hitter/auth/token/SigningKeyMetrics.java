package dev.hitter.auth.token;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code hitter.auth.signing.key.age} (seconds): how long the current signing key has signed. With automatic
 * rotation off, or a rotation that keeps failing, it only grows, and the alert HitterSigningKeyNotRotated fires before the
 * key outlives the organisation's key policy (docs/operations.md "Alerts").
 */
@Component
class SigningKeyMetrics implements MeterBinder {

	private final SigningKeys keys;

	SigningKeyMetrics(SigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("hitter.auth.signing.key.age", keys, k -> k.signingKeyAge().toMillis() / 1000.0)
			.baseUnit("seconds")
			.description("How long the key that signs new tokens has been signing")
			.register(registry);
	}
}
