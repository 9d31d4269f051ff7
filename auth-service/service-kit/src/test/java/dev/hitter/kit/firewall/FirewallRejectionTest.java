package dev.hitter.kit.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A path sent straight to a service that Spring Security's firewall refuses (a climb out with {@code ..}, an
 * encoded slash or percent, a doubled slash) still answers problem+json with a stable type, never an HTML page.
 * Raw bytes over a socket: HTTP clients normalise such paths before sending.
 */
@SpringBootTest(classes = FirewallRejectionTest.AnyService.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hitter.security.jwk-set-uri=http://127.0.0.1:9/jwks",
				"management.endpoint.health.validate-group-membership=false" })
class FirewallRejectionTest {

	@SpringBootApplication
	static class AnyService {

	}

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/things/..%2F..%2Factuator%2Fenv", "/api/v1/things/../../actuator/env",
			"/api/v1/things/%252e%252e/actuator", "/api//v1/things", "/api/v1/things/%5C..%5Cactuator" })
	void aPathTheFirewallRefusesIsAMalformedRequestProblem(String path) throws IOException {
		String response = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(response.substring(0, response.indexOf("\r\n"))).contains(" 400 ");
		assertThat(contentType(response)).startsWith("application/problem+json");
		assertThat(response.substring(response.indexOf("\r\n\r\n") + 4))
			.contains("\"type\":\"https://hitter.dev/problems/malformed-request\"")
			.doesNotContain("Exception");
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String contentType(String response) {
		for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
				return line.substring("content-type:".length()).trim();
			}
		}
		return "(none)";
	}
}
