package dev.hitter.auth.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import dev.hitter.auth.token.SigningKeys;
import dev.hitter.kit.security.Member;
import dev.hitter.kit.security.SecurityProperties;
import dev.hitter.kit.security.ServiceCaller;

/**
 * Mints service tokens: RS256 with the members' signing keys, but for the audience {@code hitter-internal} alone
 * (never {@code hitter-api}, so the gateway refuses them), subject {@code service:<client id>}, role {@code SERVICE}.
 */
@Component
class ServiceTokenIssuer {

	private final JwtEncoder encoder;

	private final SigningKeys signingKeys;

	private final SecurityProperties security;

	private final ServiceClientProperties clients;

	private final Clock clock;

	ServiceTokenIssuer(JwtEncoder encoder, SigningKeys signingKeys, SecurityProperties security,
			ServiceClientProperties clients, Clock clock) {
		this.encoder = encoder;
		this.signingKeys = signingKeys;
		this.security = security;
		this.clients = clients;
		this.clock = clock;
	}

	IssuedServiceToken issue(String clientId) {
		Instant now = clock.instant();
		Instant expiresAt = now.plus(clients.tokenTtl());
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(security.issuer())
			.subject(ServiceCaller.SUBJECT_PREFIX + clientId)
			.audience(List.of(ServiceCaller.AUDIENCE))
			.issuedAt(now)
			.expiresAt(expiresAt)
			.id(UUID.randomUUID().toString())
			.claim(Member.ROLES_CLAIM, List.of(ServiceCaller.ROLE))
			.claim("client_id", clientId)
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKeys.current().getKeyID()).build();
		return new IssuedServiceToken(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(),
				expiresAt, clients.tokenTtl().toSeconds());
	}

	record IssuedServiceToken(String value, Instant expiresAt, long expiresInSeconds) {
	}
}
