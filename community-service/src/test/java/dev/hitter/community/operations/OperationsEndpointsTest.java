package dev.hitter.community.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hitter.localdb.TestDatabase;

/**
 * What a caller who reaches a service's port may see of its operations (the service-kit's shared setup, seen
 * through a real service): readiness for the gateway, but metrics only on the management port.
 */
class OperationsEndpointsTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerDataSource(registry, "hitter_community");
	}

	static int status(int port, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** No management port configured: everything on the one port, so metrics want a token there. */
	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	class OnePort {

		@LocalServerPort
		int port;

		@Test
		void metricsAreNotOpenToAnonymousCallers() throws Exception {
			assertThat(status(port, "/actuator/prometheus")).isEqualTo(401);
		}

		@Test
		void readinessAndLivenessAnswerAtTheProbePathsTheGatewayUses() throws Exception {
			assertThat(status(port, "/readyz")).isEqualTo(200);
			assertThat(status(port, "/livez")).isEqualTo(200);
		}
	}

	/** HITTER_MANAGEMENT_PORT set: metrics there without a token, and not at all on the API port. */
	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "HITTER_MANAGEMENT_PORT=0")
	class SeparateManagementPort {

		@LocalServerPort
		int port;

		@LocalManagementPort
		int managementPort;

		@Test
		void servesMetricsOnTheManagementPortOnly() throws Exception {
			assertThat(managementPort).isNotEqualTo(port);
			assertThat(status(managementPort, "/actuator/prometheus")).isEqualTo(200);
			assertThat(status(port, "/actuator/prometheus")).isIn(401, 404);
		}

		@Test
		void theGatewayStillFindsReadinessOnTheApiPort() throws Exception {
			assertThat(status(port, "/readyz")).isEqualTo(200);
		}
	}
}
