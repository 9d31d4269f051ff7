package dev.hitter.community.snapshot;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller's access token, to call a neighbour as that member; read on the request's own thread. */
public final class BearerToken {

	private BearerToken() {
	}

	public static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken jwt) {
			return jwt.getToken().getTokenValue();
		}
		throw new IllegalStateException("No access token on this thread");
	}
}
