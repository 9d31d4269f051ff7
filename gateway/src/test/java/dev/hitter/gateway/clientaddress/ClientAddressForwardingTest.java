package dev.hitter.gateway.clientaddress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import dev.hitter.kit.clientaddress.ClientAddress;

/** auth-service learns the client's address from the gateway, never from what the client wrote. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ClientAddressForwardingTest {

	private static final AtomicReference<String> seen = new AtomicReference<>();

	private static final HttpServer auth = start();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("HITTER_AUTH_URL", () -> "http://127.0.0.1:" + auth.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		auth.stop(0);
	}

	@Test
	void theServiceSeesTheConnectionsAddressNotAForgedOne() {
		client.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.header(ClientAddress.HEADER, "6.6.6.6")
			.header("X-Forwarded-For", "7.7.7.7")
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(seen.get()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				seen.set(String.join(",", exchange.getRequestHeaders().getOrDefault(ClientAddress.HEADER,
						java.util.List.of())));
				byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
