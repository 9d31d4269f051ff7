package dev.hitter.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import dev.hitter.auth.AuthProperties;
import dev.hitter.auth.partner.PartnerProperties;
import dev.hitter.auth.service.ServiceClientProperties;
import dev.hitter.kit.security.AccessTokenValidation;
import dev.hitter.kit.security.SecurityProperties;

/**
 * auth-service signs with the current key and verifies its own tokens from the stored keys directly
 * (the other services fetch the same public keys from the JWKS endpoint).
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	// A forged token naming an unknown key must not turn into a database query per request.
	private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(10);

	@Bean
	TokenLifetime accessTokenLifetime(AuthProperties auth) {
		return auth::accessTokenTtl;
	}

	@Bean
	TokenLifetime serviceTokenLifetime(ServiceClientProperties serviceClients) {
		return serviceClients::tokenTtl;
	}

	/** Partner clients' tokens, minted by Spring Authorization Server (partner package) with the same keys. */
	@Bean
	TokenLifetime partnerTokenLifetime(PartnerProperties partner) {
		return partner::tokenTtl;
	}

	/**
	 * Signs with the key the header names, when it names one (an issuer read {@code current()} for the header a moment
	 * before a rotation's switch: the key it named must still sign that token); with none named, with the current key
	 * alone — offering every published key would leave Nimbus more than one to choose from during a rotation.
	 */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys signingKeys) {
		JWKSource<SecurityContext> signing = (selector, context) -> {
			Set<String> named = selector.getMatcher().getKeyIDs();
			List<JWK> found = named == null || named.isEmpty() ? List.of() : selector.select(signingKeys.jwkSet());
			return found.isEmpty() ? selector.select(new JWKSet(signingKeys.current())) : found;
		};
		return new NimbusJwtEncoder(signing);
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys signingKeys, SecurityProperties properties, Clock clock,
			dev.hitter.kit.revocation.RevokedMembers revoked) {
		AtomicReference<Instant> lastReload = new AtomicReference<>(Instant.EPOCH);
		JWKSource<SecurityContext> trusted = (selector, context) -> {
			List<JWK> found = selector.select(signingKeys.jwkSet());
			Instant now = clock.instant();
			Instant last = lastReload.get();
			if (found.isEmpty() && now.isAfter(last.plus(RELOAD_AT_MOST_EVERY)) && lastReload.compareAndSet(last, now)) {
				signingKeys.reload();
				found = selector.select(signingKeys.jwkSet());
			}
			return found;
		};
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, trusted));
		// Claims are checked by Spring's validators below (the same ones every service uses).
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		// Services' tokens too: the revocation feed (/internal/v1/revocations) is read with them and the audit events of
		// community and prediction arrive on /internal. The kit's path rules keep them off every member path (403).
		decoder.setJwtValidator(AccessTokenValidation.withRevocations(
				AccessTokenValidation.memberOrServiceValidator(properties), revoked));
		return decoder;
	}
}
