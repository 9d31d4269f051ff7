package dev.hitter.kit.revocation;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.hitter.kit.internal.InternalCallsAutoConfiguration;
import dev.hitter.kit.internal.ServiceCredentialProperties;
import dev.hitter.kit.internal.ServiceTokens;

/**
 * Every servlet service refuses the tokens of members auth-service revoked (deleted, suspended), learnt by polling
 * its feed with the service's own token. auth-service supplies its own {@link RevocationFeed} (its database).
 */
@AutoConfiguration(after = InternalCallsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RevocationProperties.class)
public class RevocationAutoConfiguration {

	@Bean
	RevokedMembers revokedMembers() {
		return new RevokedMembers();
	}

	@Bean
	RevocationPoller revocationPoller(ObjectProvider<RevocationFeed> ownFeed, RevocationProperties properties,
			ServiceCredentialProperties credential, ObjectProvider<ServiceTokens> tokens, RevokedMembers revoked) {
		RevocationFeed feed = ownFeed.getIfAvailable(() -> credential.hasSecret()
				? new RemoteRevocationFeed(properties.feedUri(), tokens.getObject(), credential.connectTimeout(),
						credential.readTimeout())
				: null);
		if (feed == null) {
			LoggerFactory.getLogger(RevocationAutoConfiguration.class)
				.warn("No service secret (HITTER_SERVICE_SECRET): {} cannot read auth-service's revocation feed, so it "
						+ "accepts deleted and suspended members' tokens until they expire", credential.name());
			feed = cursor -> null;
		}
		return new RevocationPoller(feed, revoked, properties.poll());
	}
}
