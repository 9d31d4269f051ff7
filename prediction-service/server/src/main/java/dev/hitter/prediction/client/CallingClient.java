package dev.hitter.prediction.client;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The partner API client a request comes from: the {@code client_id} claim of its access token (docs/partner-api.md),
 * absent for the web app's member tokens and for service tokens.
 */
public final class CallingClient {

	/** The claim auth-service puts in a client-credentials token. */
	public static final String CLAIM = "client_id";

	/** The longest client id kept (ours are hc_ and 24 characters); a longer one is not ours and is not counted. */
	static final int MAX_LENGTH = 64;

	private CallingClient() {
	}

	/** The client id of the current request's token, if it is a partner client's. */
	public static Optional<String> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return of(token.getToken());
		}
		return Optional.empty();
	}

	/** The client id a token names, if any. */
	public static Optional<String> of(Jwt token) {
		String id = token.getClaimAsString(CLAIM);
		return id == null || id.isBlank() || id.length() > MAX_LENGTH ? Optional.empty() : Optional.of(id);
	}

	/** The current request's client id, or null: what the tables keep for the web app. */
	public static String currentOrNull() {
		return current().orElse(null);
	}
}
