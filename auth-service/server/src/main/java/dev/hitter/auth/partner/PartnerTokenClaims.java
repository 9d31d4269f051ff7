package dev.hitter.auth.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.hitter.auth.revocation.Revocations;

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

	private final PartnerProperties properties;

	private final Clock clock;

	PartnerTokenClaims(SecurityProperties security, PartnerClients clients, PartnerProperties properties, Clock clock) {
		this.security = security;
		this.clients = clients;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		RegisteredClient client = context.getRegisteredClient();
		issueAfterTheRotationsSecond(context, client);
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

	/**
	 * A rotation refuses the tokens issued before the rotation's next whole second (JWT issue times are whole seconds,
	 * so one issued with the old secret in that same second must not pass). A token asked for with the new secret
	 * within that second would be refused with them: a tool that rotates and at once fetches a token would hold one
	 * that stops working a moment later. So the first tokens after a rotation wait for the next second — at most a
	 * second, once per rotation — and are issued then.
	 */
	private void issueAfterTheRotationsSecond(JwtEncodingContext context, RegisteredClient client) {
		Instant rotatedAt = client.getClientSettings().getSetting(PartnerRegisteredClients.SECRET_ROTATED_AT);
		if (rotatedAt == null) {
			return;
		}
		Instant refusedBefore = Revocations.roundUpToSecond(rotatedAt);
		Instant now = clock.instant();
		if (!now.isBefore(refusedBefore)) {
			return;
		}
		try {
			Thread.sleep(Duration.between(now, refusedBefore).toMillis() + 1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while issuing a token", ex);
		}
		Instant issuedAt = clock.instant();
		context.getClaims().issuedAt(issuedAt).notBefore(issuedAt).expiresAt(issuedAt.plus(properties.tokenTtl()));
	}
}
