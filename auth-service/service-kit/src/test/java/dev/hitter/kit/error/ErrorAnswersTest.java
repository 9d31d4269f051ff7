package dev.hitter.kit.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a service answers when the request never reaches a controller — Tomcat refuses it, or only the error page is
 * left: problem+json with a stable type, never Boot's error JSON nor Tomcat's HTML page, never a stack trace or a
 * server name. Raw bytes over a socket: HTTP clients refuse to send most of these requests.
 */
@SpringBootTest(classes = ErrorAnswersTest.AnyService.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hitter.security.jwk-set-uri=http://127.0.0.1:9/jwks",
				"management.endpoint.health.validate-group-membership=false" })
class ErrorAnswersTest {

	// No component scan: the kit's own classes must come in through its auto-configuration, as in a service.
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class AnyService {

	}

	@LocalServerPort
	int port;

	@Test
	void moreCookiesThanTomcatParsesIsAMalformedRequestProblem() throws IOException {
		String cookies = "hitter_refresh=x; ".repeat(300);
		Answer answer = send(("POST /api/v1/auth/refresh HTTP/1.1\r\nHost: localhost\r\nX-Hitter-Session: cookie\r\n"
				+ "Cookie: " + cookies + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));

		answer.assertProblem(400, "malformed-request");
		assertThat(answer.body()).contains("\"instance\":\"/api/v1/auth/refresh\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/models/%C3%28", "/api/v1/predictions/%C3%28", "/api/v1/models/%FF" })
	void aPathThatIsNotUtf8IsAMalformedRequestProblem(String path) throws IOException {
		Answer answer = send(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));

		answer.assertProblem(400, "malformed-request");
	}

	@Test
	void aRawInvalidByteInTheRequestLineIsAMalformedRequestProblem() throws IOException {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes("GET /api/v1/models/".getBytes(StandardCharsets.ISO_8859_1));
		request.write(0xC3);
		request.write(0x28);
		request.write(0x7F);
		request.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

		send(request.toByteArray()).assertProblem(400, "malformed-request");
	}

	@Test
	void aRequestLineAsLongAsTheGatewayForwardsIsRead() throws IOException {
		// The gateway forwards lines up to 16 KB and headers up to 8 KB: the service must read them, not refuse them.
		Answer answer = send(("GET /api/v1/models/" + "x".repeat(16 * 1024 - 40) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "X-Padding: " + "y".repeat(8 * 1024 - 20) + "\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));

		// Read, so it reaches security: a token is wanted there.
		answer.assertProblem(401, "unauthorized");
	}

	@Test
	void aRequestLineLongerThanTomcatReadsIsAMalformedRequestProblem() throws IOException {
		Answer answer = send(("GET /api/v1/models/" + "x".repeat(40 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));

		answer.assertProblem(400, "malformed-request");
	}

	@Test
	void aMissingResourceIsANotFoundProblemEvenForABrowser() throws IOException {
		// The error page itself is public: the path Boot forwards every error to must answer the same shape.
		Answer answer = send(("GET /error HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));

		answer.assertProblem(404, "not-found");
	}

	private Answer send(byte[] request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			return new Answer(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	record Answer(String raw) {

		String body() {
			return raw.substring(raw.indexOf("\r\n\r\n") + 4);
		}

		void assertProblem(int status, String type) {
			assertThat(raw.substring(0, raw.indexOf("\r\n"))).as(raw).contains(" " + status + " ");
			assertThat(header("content-type")).as(raw).startsWith("application/problem+json");
			assertThat(body()).as(raw)
				.contains("\"type\":\"https://hitter.dev/problems/" + type + "\"")
				.contains("\"status\":" + status)
				.doesNotContain("Exception", "at org.", "Tomcat", "trace", "<html");
			assertThat(header("server")).as(raw).isEqualTo("(none)");
		}

		private String header(String name) {
			for (String line : raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
					return line.substring(name.length() + 1).trim();
				}
			}
			return "(none)";
		}
	}
}
