package dev.hitter.gateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on its own, every backend unreachable: what a caller sees at the edge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "HITTER_AUTH_URL=http://127.0.0.1:9", "HITTER_COMMUNITY_URL=http://127.0.0.1:9",
				"HITTER_PREDICTION_URL=http://127.0.0.1:9" })
@AutoConfigureWebTestClient
class GatewayEdgeTest {

	@Autowired
	WebTestClient client;

	@Test
	void apiWithoutATokenIsRefusedAsProblemJson() {
		client.get()
			.uri("/api/v1/predictions")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hitter.dev/problems/unauthorized")
			.jsonPath("$.requestId")
			.exists();
	}

	@Test
	void healthIsDownWhileAServiceIsNotReady() {
		client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DOWN");
	}

	@Test
	void theClusterProbesAskTheGatewayAloneNotTheServicesBehindIt() {
		// The same moment as above: a service is not ready, so the whole system is DOWN, but a cluster's readiness
		// probe must not take every gateway replica out of its Service for it (issue 16).
		client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void publicHealthSaysUpOrDownAndNothingElse() {
		String body = client.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		// Which service is down, the disk and its path are for the operator's logs, not for the internet (the
		// names of the probe groups, liveness and readiness, may stay).
		org.assertj.core.api.Assertions.assertThat(body)
			.isIn("{\"status\":\"DOWN\"}", "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"DOWN\"}");
	}

	@Test
	void aPathNothingServesIsANotFoundProblem() {
		client.get()
			.uri("/no/such/page.js")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hitter.dev/problems/not-found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.requestId")
			.exists()
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@Test
	void keepsAnAcceptableRequestIdAndReplacesAHostileOne() {
		client.get()
			.uri("/actuator/health/liveness")
			.header("X-Request-Id", "label-tool-42-abc")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "label-tool-42-abc");
		client.get()
			.uri("/actuator/health/liveness")
			.header("X-Request-Id", "bad id;<script>alert(1)</script>")
			.exchange()
			.expectHeader()
			.value("X-Request-Id", id -> org.assertj.core.api.Assertions.assertThat(id).doesNotContain(" ").hasSize(36));
	}

	@Test
	void corsAllowsTheSpaDevOriginOnly() {
		client.options()
			.uri("/api/v1/users/me")
			.header("Origin", "http://localhost:5173")
			.header("Access-Control-Request-Method", "GET")
			.exchange()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "http://localhost:5173");
		client.options()
			.uri("/api/v1/users/me")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "GET")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void servesTheWebAppAtTheRoot() {
		client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> org.assertj.core.api.Assertions.assertThat(html).contains("<title>HITTER</title>"));
	}
}
