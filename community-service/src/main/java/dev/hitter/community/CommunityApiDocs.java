package dev.hitter.community;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * What the API documents of community-service share: the bearer scheme every endpoint names in its
 * {@code security}, and the media type of every problem answer.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = CommunityApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "JWT", description = "The access token from auth-service's login, as 'Authorization: Bearer …'")
public class CommunityApiDocs {

	/** The security scheme every community endpoint requires. */
	public static final String BEARER = "bearer";

	/** RFC 9457: every error answer's media type. */
	public static final String PROBLEM_JSON = "application/problem+json";
}
