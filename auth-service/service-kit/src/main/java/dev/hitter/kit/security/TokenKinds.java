package dev.hitter.kit.security;

import java.util.Optional;
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

	/**
	 * Members' own tokens, and partner clients' tokens where a rule grants their scope. A refused client is marked on
	 * the request, so that the answer says which scope was missing (403 {@code insufficient-scope}).
	 */
	static AuthorizationManager<RequestAuthorizationContext> memberOrClient(ClientScopeRules rules) {
		return (authentication, context) -> {
			AuthorizationResult asMember = decide(authentication, false);
			if (!asMember.isGranted()) {
				return asMember;
			}
			Jwt jwt = (Jwt) authentication.get().getPrincipal();
			if (Member.clientIdOf(jwt) == null) {
				return asMember;
			}
			Optional<String> needed = rules.scopeFor(context.getRequest());
			if (needed.isPresent() && Member.scopesOf(jwt).contains(needed.get())) {
				return new AuthorizationDecision(true);
			}
			context.getRequest().setAttribute(ClientScopeRules.REFUSED_ATTRIBUTE, needed.orElse(""));
			return new AuthorizationDecision(false);
		};
	}

	private static AuthorizationResult decide(Supplier<? extends Authentication> authentication, boolean service) {
		Authentication caller = authentication.get();
		if (caller == null || !caller.isAuthenticated() || !(caller.getPrincipal() instanceof Jwt jwt)) {
			return new AuthorizationDecision(false);
		}
		return new AuthorizationDecision(
				service ? ServiceCaller.isServiceToken(jwt) : !ServiceCaller.looksLikeServiceToken(jwt));
	}
}
