package dev.hitter.kit.security;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Which kind of token a path takes: {@code /internal/**} only service tokens, every other protected path only
 * members' tokens. Both kinds are signed by the same keys and pass the same decoder, so this split is what keeps a
 * stolen service token off the members' API and a member (administrators included) off the internal one.
 */
final class TokenKinds {

	private TokenKinds() {
	}

	static final AuthorizationManager<RequestAuthorizationContext> SERVICE = (authentication,
			context) -> decide(authentication, true);

	static final AuthorizationManager<RequestAuthorizationContext> MEMBER = (authentication,
			context) -> decide(authentication, false);

	private static AuthorizationResult decide(Supplier<? extends Authentication> authentication, boolean service) {
		Authentication caller = authentication.get();
		if (caller == null || !caller.isAuthenticated() || !(caller.getPrincipal() instanceof Jwt jwt)) {
			return new AuthorizationDecision(false);
		}
		return new AuthorizationDecision(
				service ? ServiceCaller.isServiceToken(jwt) : !ServiceCaller.looksLikeServiceToken(jwt));
	}
}
