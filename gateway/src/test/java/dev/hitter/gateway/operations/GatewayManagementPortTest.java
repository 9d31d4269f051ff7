package dev.hitter.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hitter.tokenattacks.TokenAttacks;

/**
 * The gateway on a management port of its own, as in a cluster (HITTER_MANAGEMENT_PORT): the scraper reads metrics
 * there without a token; the API port serves no actuator at all, only the probes' /livez and /readyz.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "HITTER_MANAGEMENT_PORT=0", "HITTER_AUTH_URL=http://127.0.0.1:9",
				"HITTER_COMMUNITY_URL=http://127.0.0.1:9", "HITTER_PREDICTION_URL=http://127.0.0.1:9" })
class GatewayManagementPortTest {

	static final TokenAttacks TOKENS = TokenAttacks.start();

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void keySet(DynamicPropertyRegistry registry) {
		registry.add("hitter.security.jwk-set-uri", () -> TOKENS.jwkSetUri().toString());
	}

	@AfterAll
	static void stopKeyServer() {
		TOKENS.close();
	}

	@Test
	void metricsOnTheManagementPortWithoutATokenAndNoActuatorOnTheApiPort() throws Exception {
		assertThat(managementPort).isNotEqualTo(port);
		HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("application=\"gateway\"");
		assertThat(get(port, "/actuator/prometheus").statusCode()).as("not served on the API port").isIn(401, 404);
		assertThat(get(port, "/actuator/gateway/routes").statusCode()).isIn(401, 404);
	}

	@Test
	void theProbesAnswerOnTheApiPortForTheGatewayAlone() throws Exception {
		// Every service is unreachable here: the gateway is still live and ready (one failing service must not take it
		// out of its Service); the whole system's health, on the management port, says DOWN.
		assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
		assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
		assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(503);
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
