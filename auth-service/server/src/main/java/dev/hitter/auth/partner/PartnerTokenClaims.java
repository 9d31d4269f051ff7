package dev.hitter.auth.partner;

import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import dev.hitter.kit.security.Member;
import dev.hitter.kit.security.Role;
import dev.hitter.kit.security.SecurityProperties;

/**
 * Makes a partner client's token look to every service like its owning member's, narrowed by scopes: the same issuer
 * and audience as member tokens (AccessTokenIssuer), {@code sub} the member (so ownership, fairness and rate limits
 * apply to the member behind every client), {@code roles} MEMBER only — never ADMIN, whatever the member is — and
 * {@code client_id} and {@code scope}, by which the kit refuses the token wherever its scopes do not reach.
 */
@Component
class PartnerTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SecurityProperties security;

	private final PartnerClients clients;

	PartnerTokenClaims(SecurityProperties security, PartnerClients clients) {
		this.security = security;
		this.clients = clients;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		RegisteredClient client = context.getRegisteredClient();
		String memberId = client.getClientSettings().getSetting(PartnerRegisteredClients.MEMBER_ID);
		String name = client.getClientSettings().getSetting(PartnerRegisteredClients.MEMBER_NAME);
		context.getClaims()
			.issuer(security.issuer())
			.subject(memberId)
			.audience(List.of(security.audience()))
			.id(UUID.randomUUID().toString())
			.claim(Member.ROLES_CLAIM, List.of(Role.MEMBER.name()))
			.claim(Member.NAME_CLAIM, name)
			// Only members with a verified address get partner access (asked with it verified; changing the address
			// proves the new one).
			.claim(Member.EMAIL_VERIFIED_CLAIM, true)
			.claim(Member.CLIENT_ID_CLAIM, client.getClientId())
			.claim(Member.SCOPE_CLAIM, context.getAuthorizedScopes().stream().sorted().toList());
		clients.tokenIssued(client.getClientId());
	}
}
