package dev.hitter.auth.service;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.hitter.kit.internal.ServiceCredentialProperties;

/**
 * The services auth-service gives service tokens to, by OAuth2 client credentials.
 *
 * @param secrets each service's client secret by its client id ({@code community-service}:
 *     {@code HITTER_SERVICE_SECRET_COMMUNITY}, {@code prediction-service}: {@code HITTER_SERVICE_SECRET_PREDICTION});
 *     a service with no secret gets no token. Never logged.
 * @param tokenTtl how long a service token is valid ({@code HITTER_SERVICE_TOKEN_TTL}); short, since nothing revokes
 *     it
 */
@Validated
@ConfigurationProperties("hitter.auth.service-clients")
public record ServiceClientProperties(@DefaultValue({}) Map<String, String> secrets,
		@NotNull @DefaultValue("5m") Duration tokenTtl) {

	@AssertTrue(message = "each secret must be at least 32 characters when set (HITTER_SERVICE_SECRET_*)")
	public boolean isEverySecretLongEnough() {
		return secrets == null || secrets.values()
			.stream()
			.allMatch(s -> s == null || s.isEmpty() || s.length() >= ServiceCredentialProperties.MIN_SECRET_LENGTH);
	}

	@AssertTrue(message = "must be between 1m and 1h (HITTER_SERVICE_TOKEN_TTL)")
	public boolean isTokenTtlSensible() {
		return tokenTtl == null
				|| (tokenTtl.compareTo(Duration.ofMinutes(1)) >= 0 && tokenTtl.compareTo(Duration.ofHours(1)) <= 0);
	}

	@Override
	public String toString() {
		return "ServiceClientProperties[clients=" + (secrets == null ? "[]" : secrets.keySet()) + ", tokenTtl=" + tokenTtl
				+ "]";
	}
}
