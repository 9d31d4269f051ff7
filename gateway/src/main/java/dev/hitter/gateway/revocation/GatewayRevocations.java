package dev.hitter.gateway.revocation;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hitter.kit.internal.RemoteServiceTokens;
import dev.hitter.kit.internal.ServiceCredentialProperties;
import dev.hitter.kit.revocation.RemoteRevocationFeed;
import dev.hitter.kit.revocation.RevocationFeed;
import dev.hitter.kit.revocation.RevocationPoller;
import dev.hitter.kit.revocation.RevocationProperties;
import dev.hitter.kit.revocation.RevokedMembers;

/**
 * The gateway refuses deleted and suspended members' tokens (docs/identity.md "Revoked members"): it reads
 * auth-service's revocation feed with its own service credential every {@code HITTER_GATEWAY_REVOCATION_POLL} (1 s),
 * and notes a member the moment it forwards their successful account deletion ({@link DeletionNoticeFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ServiceCredentialProperties.class, RevocationProperties.class })
class GatewayRevocations {

	@Bean
	RevokedMembers revokedMembers() {
		return new RevokedMembers();
	}

	@Bean
	RevocationPoller revocationPoller(ServiceCredentialProperties credential, RevocationProperties properties,
			RevokedMembers revoked) {
		RevocationFeed feed;
		if (credential.hasSecret()) {
			feed = new RemoteRevocationFeed(properties.feedUri(), new RemoteServiceTokens(credential, Clock.systemUTC()),
					credential.connectTimeout(), credential.readTimeout());
		}
		else {
			LoggerFactory.getLogger(GatewayRevocations.class)
				.warn("No service secret (HITTER_SERVICE_SECRET): the gateway cannot read auth-service's revocation "
						+ "feed and lets deleted and suspended members' tokens through to the services");
			feed = cursor -> null;
		}
		Duration poll = properties.poll();
		return new RevocationPoller(feed, revoked, poll);
	}
}
