package dev.hitter.community.snapshot;

import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;

import feign.Request;
import feign.Retryer;

/**
 * The Feign client's own settings: its time-outs from {@link PredictionClientProperties}, and no retries of its own
 * (Resilience4j retries, with back-off, inside the circuit breaker). Not a {@code @Configuration}: it applies to
 * {@link PredictionClient} only.
 */
class PredictionClientConfiguration {

	@Bean
	Request.Options predictionRequestOptions(PredictionClientProperties properties) {
		return new Request.Options(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
				properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false);
	}

	@Bean
	Retryer predictionRetryer() {
		return Retryer.NEVER_RETRY;
	}
}
