package dev.hitter.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import dev.hitter.tokenattacks.TokenAttacks;

/**
 * A token naming an unknown key id makes the decoder fetch the key set again (a key may have been added since).
 * Without a limit, anyone can make every service hammer auth-service with one request per forged token.
 */
class JwkSetRefetchTest {

	@Test
	void tokensWithUnknownKeyIdsFetchTheKeySetABoundedNumberOfTimes() {
		try (TokenAttacks tokens = TokenAttacks.start()) {
			JwtDecoder decoder = new ServiceSecurityAutoConfiguration().jwtDecoder(new SecurityProperties(
					tokens.jwkSetUri(), TokenAttacks.ISSUER, TokenAttacks.AUDIENCE, Duration.ofSeconds(30), List.of(), List.of()),
					new org.springframework.beans.factory.support.StaticListableBeanFactory()
						.getBeanProvider(dev.hitter.kit.revocation.RevokedMembers.class));
			UUID member = UUID.randomUUID();
			assertThat(decoder.decode(tokens.validToken(member)).getSubject()).isEqualTo(member.toString());

			for (int i = 0; i < 40; i++) {
				// Refused as a bad token (401), never as a failure of the key source (500), also once rate-limited.
				assertThatThrownBy(() -> decoder.decode(tokens.tokenWithUnknownKeyId(member)))
					.isInstanceOf(BadJwtException.class);
			}

			assertThat(tokens.jwkSetRequests()).as("key set fetches for 1 valid and 40 unknown-kid tokens")
				.isLessThanOrEqualTo(3);
			assertThat(decoder.decode(tokens.validToken(member)).getSubject()).isEqualTo(member.toString());
		}
	}
}
