package dev.hitter.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import dev.hitter.tokenattacks.TokenAttacks;

/**
 * The gateway never routes a service's {@code /internal} path, and never lets a service token through: every backend
 * is one recording stand-in here, which must see none of these requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InternalPathsTest {

	static final TokenAttacks TOKENS = TokenAttacks.start();

	static final List<String> REACHED_A_SERVICE = new CopyOnWriteArrayList<>();

	static final HttpServer SERVICES = recordingServices();

	@LocalServerPort
	int port;

	WebTestClient client;

	@DynamicPropertySource
	static void standIns(DynamicPropertyRegistry registry) {
		String url = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
		registry.add("HITTER_AUTH_URL", () -> url);
		registry.add("HITTER_COMMUNITY_URL", () -> url);
		registry.add("HITTER_PREDICTION_URL", () -> url);
		registry.add("hitter.security.jwk-set-uri", () -> TOKENS.jwkSetUri().toString());
	}

	@AfterAll
	static void stop() {
		SERVICES.stop(0);
		TOKENS.close();
	}

	@BeforeEach
	void client() {
		client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(5))
			.build();
		REACHED_A_SERVICE.clear();
	}

	@Test
	void everyInternalPathIsNotFoundWhateverTheMethodAndToken() {
		String member = "Bearer " + TOKENS.validToken(UUID.randomUUID());
		String service = "Bearer " + TOKENS.serviceToken("prediction-service");
		List<String> paths = List.of("/internal/v1/notifications", "/internal/v1/members/" + UUID.randomUUID() + "/anonymise",
				"/internal/v1/oauth2/token", "/internal", "/INTERNAL/v1/notifications", "/%69nternal/v1/notifications",
				"/Internal/v1/oauth2/token");
		for (String path : paths) {
			for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
				for (String authorization : new String[] { null, member, service }) {
					var request = client.method(method).uri(java.net.URI.create("http://127.0.0.1:" + port + path));
					if (authorization != null) {
						request = request.header("Authorization", authorization);
					}
					request.accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)
						.exchange()
						.expectStatus()
						.isNotFound()
						.expectHeader()
						.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
						.expectBody()
						.jsonPath("$.type")
						.isEqualTo("https://hitter.dev/problems/not-found");
				}
			}
		}
		assertThat(REACHED_A_SERVICE).isEmpty();
	}

	@Test
	void aServiceTokenIsRefusedOnEveryRoute() {
		String service = "Bearer " + TOKENS.serviceToken("prediction-service");
		for (String path : List.of("/api/v1/community/posts", "/api/v1/predictions", "/api/v1/users/me",
				"/api/v1/prediction-jobs")) {
			client.get()
				.uri(path)
				.header("Authorization", service)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://hitter.dev/problems/unauthorized");
		}
		assertThat(REACHED_A_SERVICE).isEmpty();
		// The same route with a member's token is routed: the stand-in sees it.
		client.get()
			.uri("/api/v1/community/posts")
			.header("Authorization", "Bearer " + TOKENS.validToken(UUID.randomUUID()))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(REACHED_A_SERVICE).containsExactly("GET /api/v1/community/posts");
	}

	@Test
	void detectsInternalPathsHoweverTheyAreSpelled() {
		assertThat(InternalPathsNotServed.isInternal("/internal/v1/x")).isTrue();
		assertThat(InternalPathsNotServed.isInternal("//internal/v1/x")).isTrue();
		assertThat(InternalPathsNotServed.isInternal("/%49NTERNAL/v1/x")).isTrue();
		assertThat(InternalPathsNotServed.isInternal("/internal;jsessionid=1/v1")).isTrue();
		assertThat(InternalPathsNotServed.isInternal("/internals")).isFalse();
		assertThat(InternalPathsNotServed.isInternal("/api/v1/internal")).isFalse();
	}

	private static HttpServer recordingServices() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", exchange -> {
				REACHED_A_SERVICE.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
				byte[] body = "{}".getBytes();
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
