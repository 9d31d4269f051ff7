package dev.hitter.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import dev.hitter.kit.security.SecurityProperties;
import dev.hitter.tokenattacks.TokenAttacks;

/**
 * The gateway's decoder fetches the key set again for a token naming an unknown key id; without a limit every
 * forged token sent to the gateway becomes a request to auth-service.
 */
class GatewayJwkSetRefetchTest {

	@Test
	void tokensWithUnknownKeyIdsFetchTheKeySetABoundedNumberOfTimes() {
		try (TokenAttacks tokens = TokenAttacks.start()) {
			ReactiveJwtDecoder decoder = new GatewaySecurity().jwtDecoder(new SecurityProperties(tokens.jwkSetUri(),
					TokenAttacks.ISSUER, TokenAttacks.AUDIENCE, Duration.ofSeconds(30), List.of(), List.of()),
					new dev.hitter.kit.revocation.RevokedMembers());
			UUID member = UUID.randomUUID();
			assertThat(decoder.decode(tokens.validToken(member)).block().getSubject()).isEqualTo(member.toString());

			for (int i = 0; i < 40; i++) {
				// Refused as a bad token (401), never as a failure of the key source (500), also once rate-limited.
				assertThatThrownBy(() -> decoder.decode(tokens.tokenWithUnknownKeyId(member)).block())
					.isInstanceOf(BadJwtException.class);
			}

			assertThat(tokens.jwkSetRequests()).as("key set fetches for 1 valid and 40 unknown-kid tokens")
				.isLessThanOrEqualTo(3);
			assertThat(decoder.decode(tokens.validToken(member)).block().getSubject()).isEqualTo(member.toString());
		}
	}
}
