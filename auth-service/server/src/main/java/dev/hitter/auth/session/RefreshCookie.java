package dev.hitter.auth.session;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;

/**
 * The web app's refresh token: an HttpOnly cookie that page scripts never see, sent back only to
 * {@code /api/v1/auth}, and only used when the request carries {@code X-Hitter-Session: cookie}. That header is the
 * CSRF guard: a cross-site form cannot set it, and CORS pre-flight stops a cross-site script from sending it.
 */
final class RefreshCookie {

	static final String NAME = "hitter_refresh";

	static final String PATH = "/api/v1/auth";

	static final String SESSION_HEADER = "X-Hitter-Session";

	static final String SESSION_HEADER_VALUE = "cookie";

	/** The request condition of the cookie form's handler methods. */
	static final String COOKIE_FORM = SESSION_HEADER + "=" + SESSION_HEADER_VALUE;

	private RefreshCookie() {
	}

	/** The Set-Cookie value that hands the browser a refresh token for as long as it lives. */
	static String carrying(TokenPair tokens, HttpServletRequest request) {
		return build(tokens.refreshToken(), Duration.ofSeconds(tokens.refreshExpiresIn()), request);
	}

	/** The Set-Cookie value that makes the browser forget the refresh token. */
	static String cleared(HttpServletRequest request) {
		return build("", Duration.ZERO, request);
	}

	// Secure follows the browser's scheme (X-Forwarded-Proto through the gateway): plain http://localhost must work.
	private static String build(String value, Duration maxAge, HttpServletRequest request) {
		return ResponseCookie.from(NAME, value)
			.path(PATH)
			.httpOnly(true)
			.sameSite("Strict")
			.secure(request.isSecure())
			.maxAge(maxAge)
			.build()
			.toString();
	}
}
