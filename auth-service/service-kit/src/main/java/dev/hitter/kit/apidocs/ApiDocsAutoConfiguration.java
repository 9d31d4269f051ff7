package dev.hitter.kit.apidocs;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The one springdoc customisation of every HITTER servlet service (docs/api-contract.md): the same servers, security
 * schemes, per-operation security and problem answers in every document, so that the documents gathered at the
 * gateway read as one API and a client can be generated from each.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(OpenAPI.class)
	OpenAPI hitterOpenApi(ApiDocsProperties properties, @Value("${spring.application.name:service}") String name) {
		// Servers given here, not only by the customiser: springdoc then does not put the address it was asked on.
		return new OpenAPI()
			.info(new Info().title("HITTER " + name + " API")
				.version("v1")
				.description("Served by HITTER's " + name + " behind the gateway. Errors are RFC 9457 problems "
						+ "(application/problem+json). docs/api-contract.md says how this document is made and "
						+ "linted."))
			.addServersItem(new Server().url(properties.base()).description("The HITTER gateway"))
			.components(new Components());
	}

	@Bean
	OpenApiCustomizer hitterApiContract(ApiDocsProperties properties, Environment environment) {
		return new ApiContractCustomizer(properties, AccessRules.from(environment));
	}

	@Bean
	OperationCustomizer hitterAnswerAnnotations() {
		return new AnswerAnnotations();
	}
}
