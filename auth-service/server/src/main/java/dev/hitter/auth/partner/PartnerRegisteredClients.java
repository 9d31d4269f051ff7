package dev.hitter.auth.partner;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The token endpoint's clients, read from {@code partner_client} on every request: only a client that is not revoked,
 * of a member approved as a partner and not suspended, exists here — so a revocation, a suspension or a deletion takes
 * effect at the token endpoint at once. Clients are created by {@link PartnerClients}, never through this repository.
 */
@Component
class PartnerRegisteredClients implements RegisteredClientRepository {

	/** The owning member's id and display name travel to the token's claims through the client's settings. */
	static final String MEMBER_ID = "hitter.partner.member-id";

	static final String MEMBER_NAME = "hitter.partner.member-name";

	private final PartnerClients clients;

	private final PartnerProperties properties;

	PartnerRegisteredClients(PartnerClients clients, PartnerProperties properties) {
		this.clients = clients;
		this.properties = properties;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("Partner clients are created through /api/v1/auth/partner-clients");
	}

	@Override
	public RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return clients.active(clientId)
			.map(client -> RegisteredClient.withId(client.clientId())
				.clientId(client.clientId())
				.clientSecret(client.secretHash())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes(scopes -> scopes.addAll(client.scopes()))
				.clientSettings(ClientSettings.builder()
					.setting(MEMBER_ID, client.memberId().toString())
					.setting(MEMBER_NAME, client.displayName())
					.build())
				.tokenSettings(TokenSettings.builder()
					.accessTokenTimeToLive(properties.tokenTtl())
					.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
					.build())
				.build())
			.orElse(null);
	}
}
