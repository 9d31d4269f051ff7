package dev.hitter.prediction;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * What the API documents of prediction-service share: the bearer scheme that member endpoints name in their
 * {@code security}, and the media type of every problem answer. Public endpoints name no scheme at all.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = PredictionApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "JWT", description = "The access token from auth-service's login, as 'Authorization: Bearer …'")
public class PredictionApiDocs {

	/** The security scheme member endpoints require. */
	public static final String BEARER = "bearer";

	/** RFC 9457: every error answer's media type. */
	public static final String PROBLEM_JSON = "application/problem+json";
}
