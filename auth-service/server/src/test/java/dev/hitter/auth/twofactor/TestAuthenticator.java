package dev.hitter.auth.twofactor;

import java.time.Instant;

/** What an authenticator app shows, for tests outside this package. */
public final class TestAuthenticator {

	public static final int PERIOD_SECONDS = Totp.PERIOD_SECONDS;

	private TestAuthenticator() {
	}

	public static String code(String base32Secret, Instant now) {
		return Totp.code(Base32.decode(base32Secret), Totp.step(now), 6, Totp.ALGORITHM);
	}
}
