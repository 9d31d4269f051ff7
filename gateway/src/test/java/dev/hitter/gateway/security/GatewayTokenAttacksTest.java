package dev.hitter.gateway.security;

import java.util.UUID;
import java.util.stream.Stream;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.hitter.tokenattacks.TokenAttack;
import dev.hitter.tokenattacks.TokenAttacks;

/**
 * The shared token attacks at the gateway, whose decoder reads the fixture's key set: every attack 401
 * problem+json before any routing; the valid token passes the check and is routed (to a backend that is down here,
 * hence the circuit breaker's 503).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "HITTER_AUTH_URL=http://127.0.0.1:9", "HITTER_COMMUNITY_URL=http://127.0.0.1:9",
				"HITTER_PREDICTION_URL=http://127.0.0.1:9" })
class GatewayTokenAttacksTest {

	static final TokenAttacks TOKENS = TokenAttacks.start();

	@LocalServerPort
	int port;

	WebTestClient client;

	/** One connection, kept alive: every request after the first reuses it, as a partner tool's client does. */
	@BeforeEach
	void clientOnOneKeptAliveConnection() {
		client = WebTestClient
			.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.create("one", 1))))
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(5))
			.build();
	}

	@DynamicPropertySource
	static void keySet(DynamicPropertyRegistry registry) {
		registry.add("hitter.security.jwk-set-uri", () -> TOKENS.jwkSetUri().toString());
	}

	@AfterAll
	static void stopKeyServer() {
		TOKENS.close();
	}

	@Test
	void validTokenPassesTheCheckAndIsRouted() {
		client.get()
			.uri("/api/v1/predictions")
			.header("Authorization", "Bearer " + TOKENS.validToken(UUID.randomUUID()))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hitter.dev/problems/service-unavailable");
	}

	@TestFactory
	Stream<DynamicTest> everyAttackIsRefusedAsProblemJson() {
		return TOKENS.attacks(UUID.randomUUID())
			.stream()
			.map(attack -> DynamicTest.dynamicTest(attack.name(), () -> isRefused(attack)));
	}

	/**
	 * Attacks back to back on one kept-alive connection, many rounds: an answer that completes off the event loop (a
	 * key lookup) followed at once by the next request used to leave that request unread for ever (Reactor Netty,
	 * see GatewayApplication) — 1 to 6 of 330 requests here got no answer.
	 */
	@Test
	void aKeptAliveConnectionAnswersEveryRequestInTurn() {
		for (int round = 0; round < 15; round++) {
			for (TokenAttack attack : TOKENS.attacks(UUID.randomUUID())) {
				isRefused(attack);
			}
		}
	}

	private void isRefused(TokenAttack attack) {
		try {
			client.get()
				.uri("/api/v1/predictions")
				.header("Authorization", "Bearer " + attack.token())
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://hitter.dev/problems/unauthorized");
		}
		catch (AssertionError accepted) {
			throw new AssertionError("Token attack '" + attack.name() + "': " + accepted.getMessage(), accepted);
		}
	}
}
