package dev.hitter.gateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.hitter.tokenattacks.TokenAttacks;

/**
 * The gateway refuses a revoked member's token: one the revocation feed lists (read with the gateway's own service
 * credential from a stand-in auth-service), and — at once, before any poll — one whose owner just deleted their
 * account through this gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "HITTER_COMMUNITY_URL=http://127.0.0.1:9", "HITTER_PREDICTION_URL=http://127.0.0.1:9",
				"HITTER_SERVICE_SECRET=" + GatewayRevocationTest.SECRET, "HITTER_GATEWAY_REVOCATION_POLL=200ms" })
class GatewayRevocationTest {

	static final String SECRET = "test-secret-of-the-gateway-0123456789abcdef";

	static final TokenAttacks TOKENS = TokenAttacks.start();

	static final UUID LISTED = UUID.randomUUID();

	static final List<String> FEED_AUTHORIZATIONS = new CopyOnWriteArrayList<>();

	static final HttpServer AUTH = authStandIn();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void standIns(DynamicPropertyRegistry registry) {
		registry.add("hitter.security.jwk-set-uri", () -> TOKENS.jwkSetUri().toString());
		registry.add("HITTER_AUTH_URL", () -> "http://127.0.0.1:" + AUTH.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		AUTH.stop(0);
		TOKENS.close();
	}

	@Test
	void aMemberTheFeedListsIsRefusedWithinAPollAndOthersPass() throws Exception {
		String listed = TOKENS.validToken(LISTED);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (status(listed) != 401) {
			assertThat(System.nanoTime()).as("refused after a poll").isLessThan(deadline);
			Thread.sleep(100);
		}
		// Passed the check and routed (prediction-service is down here: 503).
		assertThat(status(TOKENS.validToken(UUID.randomUUID()))).isEqualTo(503);
		assertThat(FEED_AUTHORIZATIONS).isNotEmpty().allMatch("Bearer gateway-service-token"::equals);
	}

	@Test
	void aDeletionForwardedByThisGatewayRefusesTheTokenAtOnce() {
		UUID member = UUID.randomUUID();
		String token = TOKENS.validToken(member);
		assertThat(status(token)).isEqualTo(503);
		client().method(org.springframework.http.HttpMethod.DELETE)
			.uri("/api/v1/auth/me")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.bodyValue("{\"currentPassword\":\"x\"}")
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(status(token)).isEqualTo(401);
	}

	private int status(String token) {
		return client().get()
			.uri("/api/v1/predictions")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	private static HttpServer authStandIn() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/internal/v1/oauth2/token", exchange -> answer(exchange, 200,
					"{\"access_token\":\"gateway-service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
			server.createContext("/internal/v1/revocations", exchange -> {
				FEED_AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
				boolean first = exchange.getRequestURI().getQuery().equals("after=0");
				answer(exchange, 200, first ? "{\"items\":[{\"memberId\":\"" + LISTED
						+ "\",\"notBefore\":null}],\"cursor\":7,\"more\":false}"
						: "{\"items\":[],\"cursor\":7,\"more\":false}");
			});
			server.createContext("/api/v1/auth/me", exchange -> {
				exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
