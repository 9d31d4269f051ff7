package dev.hitter.auth.partner;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued tokens. Spring Authorization Server would otherwise keep every token in memory (lost on
 * restart, different on every replica, growing without bound) or, with its JDBC service, write one row per token that
 * nothing ever purges. Neither buys us anything: partner tokens are self-contained JWTs that the gateway and every
 * service verify by signature, and a token is revoked per client through the revocation feed, not by looking it up.
 * There is no refresh token and no introspection or revocation endpoint that would need the records.
 */
final class StatelessAuthorizations implements OAuth2AuthorizationService {

	@Override
	public void save(OAuth2Authorization authorization) {
		// Nothing to keep: see the class comment.
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return null;
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return null;
	}
}
