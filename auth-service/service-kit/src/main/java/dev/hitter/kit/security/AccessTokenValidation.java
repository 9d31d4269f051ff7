package dev.hitter.kit.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/** The checks every service (auth-service included) applies to an access token beyond its signature. */
public final class AccessTokenValidation {

	private AccessTokenValidation() {
	}

	/** Members' tokens only (audience {@code hitter-api}): what the gateway accepts. */
	public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
		return validator(properties, List.of(properties.audience()));
	}

	/**
	 * Members' and services' tokens (audience {@code hitter-api} or {@code hitter-internal}): what a service accepts;
	 * which kind may use which path is decided by the path rules (ServiceSecurityAutoConfiguration).
	 */
	public static OAuth2TokenValidator<Jwt> memberOrServiceValidator(SecurityProperties properties) {
		return validator(properties, List.of(properties.audience(), ServiceCaller.AUDIENCE));
	}

	/** Adds the refusal of revoked members' tokens (deleted, suspended) when this process follows them. */
	public static OAuth2TokenValidator<Jwt> withRevocations(OAuth2TokenValidator<Jwt> validator,
			dev.hitter.kit.revocation.RevokedMembers revoked) {
		return revoked == null ? validator
				: new DelegatingOAuth2TokenValidator<>(validator,
						new dev.hitter.kit.revocation.RevocationValidator(revoked));
	}

	private static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties, List<String> audiences) {
		return new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(properties.clockSkew()),
				// JwtTimestampValidator accepts a token with no exp at all; a HITTER token always expires.
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
				new JwtIssuerValidator(properties.issuer()),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
	}
}
