package dev.hitter.kit.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service trusts access tokens.
 *
 * @param jwkSetUri where auth-service publishes its public keys (not needed by auth-service itself)
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must contain
 * @param clockSkew tolerance when checking {@code exp} and {@code nbf}
 * @param publicPaths requests served without a token, as {@code "/path/**"} or {@code "POST /path"}
 * @param clientScopes what partner clients' tokens may call and with which scope, as {@code "GET /path/** scope"} or
 *        {@code "/path/** scope"} (first match wins; nothing else is open to them): {@link ClientScopeRules}
 */
@Validated
@ConfigurationProperties("hitter.security")
public record SecurityProperties(URI jwkSetUri, @NotBlank @DefaultValue("hitter") String issuer,
		@NotBlank @DefaultValue("hitter-api") String audience, @NotNull @DefaultValue("30s") Duration clockSkew,
		@DefaultValue({}) List<String> publicPaths, @DefaultValue({}) List<String> clientScopes) {

	public SecurityProperties {
		publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
		clientScopes = clientScopes == null ? List.of() : List.copyOf(clientScopes);
	}
}
