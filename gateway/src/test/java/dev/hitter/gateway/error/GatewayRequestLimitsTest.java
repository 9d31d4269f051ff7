package dev.hitter.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The gateway reads request lines up to 16 KB (the services' Tomcat reads 32 KB of line and headers, so whatever the
 * gateway forwards they read too), and what it cannot read — a longer line, headers over 8 KB — is refused with the
 * same problem+json as every other refusal, not Reactor Netty's bare status. Raw bytes over a socket: the refusal
 * comes before any HTTP client-side handling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "HITTER_AUTH_URL=http://127.0.0.1:9", "HITTER_COMMUNITY_URL=http://127.0.0.1:9",
				"HITTER_PREDICTION_URL=http://127.0.0.1:9" })
class GatewayRequestLimitsTest {

	@LocalServerPort
	int port;

	@Test
	void aPathOfFiveThousandCharactersIsReadAndRouted() throws IOException {
		String response = send("GET /api/v1/models/" + "x".repeat(5000)
				+ " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		// Routed to the prediction service, which is down here: anything but the refusal of an unread line.
		assertThat(statusLine(response)).doesNotContain(" 414 ").doesNotContain(" 400 ");
		assertThat(header(response, "content-type")).isEqualTo("application/problem+json");
	}

	@Test
	void aRequestLineOverSixteenKilobytesIsAMalformedRequestProblem() throws IOException {
		String response = send("GET /api/v1/models/" + "x".repeat(17 * 1024)
				+ " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(statusLine(response)).contains(" 414 ");
		assertMalformedRequestProblem(response, 414);
	}

	@Test
	void headersOverEightKilobytesAreAMalformedRequestProblem() throws IOException {
		String response = send("GET /api/v1/models HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "y".repeat(9 * 1024)
				+ "\r\nConnection: close\r\n\r\n");

		assertThat(statusLine(response)).contains(" 431 ");
		assertMalformedRequestProblem(response, 431);
	}

	private static void assertMalformedRequestProblem(String response, int status) {
		assertThat(header(response, "content-type")).isEqualTo("application/problem+json");
		assertThat(body(response)).contains("\"type\":\"https://hitter.dev/problems/malformed-request\"")
			.contains("\"status\":" + status)
			.doesNotContain("Exception", "xxxx", "yyyy");
		assertThat(header(response, "content-length")).isEqualTo(Integer.toString(
				body(response).getBytes(StandardCharsets.UTF_8).length));
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

	private static String statusLine(String response) {
		return response.substring(0, response.indexOf("\r\n"));
	}

	private static String header(String response, String name) {
		for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
				return line.substring(name.length() + 1).trim();
			}
		}
		return "(none)";
	}

	private static String body(String response) {
		return response.substring(response.indexOf("\r\n\r\n") + 4);
	}
}
