package dev.hitter.kit.firewall;

import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security's firewall (StrictHttpFirewall) is the one place that refuses a path climbing out with
 * {@code ..}, an encoded slash, backslash or percent, or a doubled slash; its refusal is answered as the shared
 * malformed-request problem instead of Spring Boot's error JSON.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class FirewallAutoConfiguration {

	@Bean
	RequestRejectedHandler problemRequestRejectedHandler() {
		return new ProblemRequestRejectedHandler(JsonMapper.builder().build());
	}

	/**
	 * Tomcat would refuse an encoded slash or backslash itself, with an HTML page, before any filter runs. Passed
	 * through still encoded, they reach the firewall, which refuses them as problem+json (they are never decoded
	 * into a path).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tomcat.class)
	static class EncodedSlashesReachTheFirewall {

		@Bean
		TomcatConnectorCustomizer encodedSlashesPassedThrough() {
			return connector -> {
				connector.setEncodedSolidusHandling("passthrough");
				connector.setEncodedReverseSolidusHandling("passthrough");
			};
		}
	}
}
