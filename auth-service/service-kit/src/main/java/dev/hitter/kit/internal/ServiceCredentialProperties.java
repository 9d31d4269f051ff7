package dev.hitter.kit.internal;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This service's own credential for calling other HITTER services' internal endpoints (OAuth2 client credentials at
 * auth-service), and how its internal calls give up.
 *
 * @param name the client id: the service's name ({@code spring.application.name})
 * @param secret the client secret ({@code HITTER_SERVICE_SECRET}); only a service that calls others needs one.
 *     {@code ./hitter run} generates it; elsewhere it comes from a secret store. Never logged.
 * @param tokenUri auth-service's token endpoint ({@code HITTER_AUTH_URL} + {@code /internal/v1/oauth2/token})
 * @param renewBefore a cached token is renewed this long before it expires, so that no call carries one that
 *     expires on the way
 * @param connectTimeout how long an internal call (and a token request) may take to connect
 *     ({@code HITTER_INTERNAL_CONNECT_TIMEOUT})
 * @param readTimeout how long an internal call (and a token request) may wait for its answer
 *     ({@code HITTER_INTERNAL_READ_TIMEOUT})
 */
@Validated
@ConfigurationProperties("hitter.service")
public record ServiceCredentialProperties(@NotBlank String name, String secret, @NotNull URI tokenUri,
		@NotNull @DefaultValue("60s") Duration renewBefore, @NotNull @DefaultValue("1s") Duration connectTimeout,
		@NotNull @DefaultValue("5s") Duration readTimeout) {

	/** Shorter secrets are guessable; {@code ./hitter run} generates 43 characters (256 bits). */
	public static final int MIN_SECRET_LENGTH = 32;

	@AssertTrue(message = "must be at least 32 characters when set (HITTER_SERVICE_SECRET)")
	public boolean isSecretLongEnough() {
		return secret == null || secret.isEmpty() || secret.length() >= MIN_SECRET_LENGTH;
	}

	public boolean hasSecret() {
		return secret != null && !secret.isEmpty();
	}

	@Override
	public String toString() {
		return "ServiceCredentialProperties[name=" + name + ", secret=" + (hasSecret() ? "***" : "none") + ", tokenUri="
				+ tokenUri + "]";
	}
}
