package dev.hitter.community.snapshot;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How community-service calls prediction-service for an analysis snapshot, and how it gives up. The defaults answer a
 * member within one second whatever prediction-service does: refused connections fail in milliseconds and are tried
 * {@code maxAttempts} times with back-off; a silent server is cut off by {@code timeLimit}; after repeated failures
 * the circuit opens and calls fail at once until {@code waitInOpenState} has passed.
 *
 * @param url prediction-service's base address ({@code HITTER_PREDICTION_URL})
 * @param connectTimeout how long one attempt may take to connect ({@code HITTER_PREDICTION_CONNECT_TIMEOUT})
 * @param readTimeout how long one attempt may wait for the answer ({@code HITTER_PREDICTION_READ_TIMEOUT})
 * @param timeLimit the whole call, every attempt and back-off included ({@code HITTER_PREDICTION_TIME_LIMIT})
 * @param maxAttempts attempts per call, the first included ({@code HITTER_PREDICTION_MAX_ATTEMPTS})
 * @param backoff the wait before the second attempt, doubled before each further one
 *     ({@code HITTER_PREDICTION_BACKOFF})
 * @param failureRateThreshold the percentage of failed calls among the last {@code slidingWindow} that opens the
 *     circuit
 * @param slidingWindow how many recent calls the circuit breaker judges (at least this many before it opens)
 * @param waitInOpenState how long an open circuit refuses calls before it lets trial calls through
 *     ({@code HITTER_PREDICTION_CIRCUIT_OPEN_FOR})
 */
@Validated
@ConfigurationProperties("hitter.community.prediction")
public record PredictionClientProperties(@NotNull @DefaultValue("http://127.0.0.1:8083") URI url,
		@NotNull @DefaultValue("250ms") Duration connectTimeout, @NotNull @DefaultValue("600ms") Duration readTimeout,
		@NotNull @DefaultValue("900ms") Duration timeLimit, @Min(1) @Max(5) @DefaultValue("3") int maxAttempts,
		@NotNull @DefaultValue("50ms") Duration backoff,
		@DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRateThreshold,
		@Min(2) @Max(1000) @DefaultValue("10") int slidingWindow,
		@NotNull @DefaultValue("10s") Duration waitInOpenState) {
}
