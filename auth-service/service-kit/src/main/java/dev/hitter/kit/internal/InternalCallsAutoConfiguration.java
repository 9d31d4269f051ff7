package dev.hitter.kit.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Every servlet service's credential for internal calls, and its cached service tokens (docs/internal-calls.md). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceCredentialProperties.class)
public class InternalCallsAutoConfiguration {

	/** auth-service mints its own instead of asking itself over HTTP. */
	@Bean
	@ConditionalOnMissingBean(ServiceTokens.class)
	ServiceTokens serviceTokens(ServiceCredentialProperties properties, ObjectProvider<Clock> clock) {
		return new RemoteServiceTokens(properties, clock.getIfAvailable(Clock::systemUTC));
	}
}
