package dev.hitter.auth.session;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

import dev.hitter.auth.token.AccessTokenIssuer;

/** The login an access token was issued to ({@code sid}); null for a token from before sessions were named. */
public final class CurrentSession {

	private CurrentSession() {
	}

	public static UUID of(Jwt jwt) {
		String sid = jwt == null ? null : jwt.getClaimAsString(AccessTokenIssuer.SESSION_CLAIM);
		if (sid == null) {
			return null;
		}
		try {
			return UUID.fromString(sid);
		}
		catch (IllegalArgumentException notOurs) {
			return null;
		}
	}
}
