package dev.hitter.auth.service;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.hitter.kit.internal.ServiceCredentialProperties;
import dev.hitter.kit.internal.ServiceTokens;

/**
 * auth-service's own service tokens, for its calls to other services' internal endpoints: minted here rather than
 * asked of itself over HTTP, and cached like the other services' {@code RemoteServiceTokens}.
 */
@Component
class LocalServiceTokens implements ServiceTokens {

	private final ServiceTokenIssuer issuer;

	private final ServiceCredentialProperties credential;

	private final Clock clock;

	private String token;

	private Instant renewAt = Instant.MIN;

	LocalServiceTokens(ServiceTokenIssuer issuer, ServiceCredentialProperties credential, Clock clock) {
		this.issuer = issuer;
		this.credential = credential;
		this.clock = clock;
	}

	@Override
	public synchronized String current() {
		Instant now = clock.instant();
		if (token == null || !now.isBefore(renewAt)) {
			ServiceTokenIssuer.IssuedServiceToken issued = issuer.issue(credential.name());
			token = issued.value();
			renewAt = issued.expiresAt().minus(credential.renewBefore());
		}
		return token;
	}

	@Override
	public synchronized void forget() {
		token = null;
	}
}
