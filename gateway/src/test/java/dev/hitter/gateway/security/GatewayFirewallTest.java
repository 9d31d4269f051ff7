package dev.hitter.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the security firewall refuses (a path climbing out with {@code ..}, encoded slashes, TRACE) still answers
 * problem+json with a stable type. Sent as raw bytes over a socket: HTTP clients normalise {@code ..} away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "HITTER_AUTH_URL=http://127.0.0.1:9", "HITTER_COMMUNITY_URL=http://127.0.0.1:9",
				"HITTER_PREDICTION_URL=http://127.0.0.1:9" })
class GatewayFirewallTest {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/predictions/..%2F..%2Factuator%2Fenv", "/api/v1/predictions/../../actuator/env",
			"/api/v1/predictions/%2e%2e/%2e%2e/actuator/env" })
	void aPathTheFirewallRefusesIsAMalformedRequestProblem(String path) throws IOException {
		String response = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(statusLine(response)).contains(" 400 ");
		assertThat(contentType(response)).isEqualTo("application/problem+json");
		assertThat(body(response)).contains("\"type\":\"https://hitter.dev/problems/malformed-request\"")
			.contains("\"status\":400")
			.doesNotContain("Exception");
	}

	@Test
	void traceIsAMethodNotAllowedProblem() throws IOException {
		String response = send("TRACE /api/v1/users/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(statusLine(response)).contains(" 405 ");
		assertThat(contentType(response)).isEqualTo("application/problem+json");
		assertThat(body(response)).contains("\"type\":\"https://hitter.dev/problems/method-not-allowed\"")
			.doesNotContain("Exception");
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String statusLine(String response) {
		return response.substring(0, response.indexOf("\r\n"));
	}

	private static String contentType(String response) {
		for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
				return line.substring("content-type:".length()).trim();
			}
		}
		return "(none)";
	}

	private static String body(String response) {
		return response.substring(response.indexOf("\r\n\r\n") + 4);
	}
}
