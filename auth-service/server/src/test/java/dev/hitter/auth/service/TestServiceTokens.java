package dev.hitter.auth.service;

import org.springframework.context.ApplicationContext;

/** Real service tokens (signed by auth-service's keys), for tests of internal endpoints outside this package. */
public final class TestServiceTokens {

	private TestServiceTokens() {
	}

	public static String bearer(ApplicationContext context, String clientId) {
		return "Bearer " + context.getBean(ServiceTokenIssuer.class).issue(clientId).value();
	}
}
