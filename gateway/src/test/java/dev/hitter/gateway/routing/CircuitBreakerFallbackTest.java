package dev.hitter.gateway.routing;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An authenticated call whose service is down. The client is bound to the application (no server socket) so
 * that {@code mockJwt()} can stand in for a token the unreachable auth-service could not have issued; the
 * route itself still calls out over the network and fails for real.
 */
@SpringBootTest(properties = { "HITTER_AUTH_URL=http://127.0.0.1:9", "HITTER_COMMUNITY_URL=http://127.0.0.1:9",
		"HITTER_PREDICTION_URL=http://127.0.0.1:9" })
@AutoConfigureWebTestClient
class CircuitBreakerFallbackTest {

	@Autowired
	WebTestClient client;

	@Test
	void aRouteWhoseServiceIsDownAnswersA503ProblemWithRetryAfter() {
		client.mutateWith(mockJwt())
			.get()
			.uri("/api/v1/community/posts")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", FallbackController.RETRY_AFTER_SECONDS)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hitter.dev/problems/service-unavailable")
			.jsonPath("$.detail")
			.value(detail -> org.assertj.core.api.Assertions.assertThat(detail.toString()).contains("community"));
	}

	@Test
	void batchJobsHaveTheirOwnRouteToThePredictionService() {
		for (String path : new String[] { "/api/v1/prediction-jobs", "/api/v1/prediction-jobs/1/results.csv",
				"/api/v1/predictions", "/api/v1/predictions/leaderboard" }) {
			client.mutateWith(mockJwt())
				.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.detail")
				.value(detail -> org.assertj.core.api.Assertions.assertThat(detail.toString()).contains("prediction"));
		}
	}
}
