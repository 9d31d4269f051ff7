package dev.hitter.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.tokenattacks.TokenAttacks;

/**
 * Swagger UI at the gateway, without a token (every backend unreachable): the page, and its configuration listing
 * the three services' documents, which the gateway routes to each service (ApiContractIT lints them as served).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "HITTER_AUTH_URL=http://127.0.0.1:9", "HITTER_COMMUNITY_URL=http://127.0.0.1:9",
				"HITTER_PREDICTION_URL=http://127.0.0.1:9" })
@AutoConfigureWebTestClient
class SwaggerUiTest {

	static final TokenAttacks TOKENS = TokenAttacks.start();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void keySet(DynamicPropertyRegistry registry) {
		registry.add("hitter.security.jwk-set-uri", () -> TOKENS.jwkSetUri().toString());
	}

	@AfterAll
	static void stopKeyServer() {
		TOKENS.close();
	}

	@Test
	void swaggerUiListsEveryServicesDocument() {
		// springdoc builds each document on its first request, and Netty's resolver may ask the machine's DNS on the
		// way to the refused backend: on a loaded CI machine either took over WebTestClient's default 5 s.
		WebTestClient client = this.client.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
		client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
		client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
		String config = new String(client.get()
			.uri("/v3/api-docs/gateway/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(JsonPath.<List<String>>read(config, "$.urls[*].url")).containsExactly("/v3/api-docs/auth",
				"/v3/api-docs/community", "/v3/api-docs/prediction");
		assertThat(JsonPath.<String>read(config, "$['urls.primaryName']")).isEqualTo("prediction");
		assertThat(JsonPath.<String>read(config, "$.configUrl")).isEqualTo("/v3/api-docs/gateway/swagger-config");
		// The gateway's own document describes nothing, and the services' documents stay routed to the services
		// (unreachable here: a 5xx from the route, not springdoc's 404).
		String own = new String(client.get().uri("/v3/api-docs/gateway").exchange().expectStatus().isOk().expectBody()
			.returnResult().getResponseBody());
		assertThat(JsonPath.<Object>read(own, "$.paths")).asString().isIn("{}", "null");
		client.get()
			.uri("/v3/api-docs/auth")
			.exchange()
			.expectStatus()
			.is5xxServerError();
	}
}
