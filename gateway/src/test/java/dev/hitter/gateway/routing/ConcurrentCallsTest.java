package dev.hitter.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

/**
 * Many calls at once on one route all reach their service: the circuit breaker's library would otherwise wrap every
 * route in a bulkhead of 25 concurrent calls and answer the 26th with the fallback's 503 (found by the community
 * load benchmark). The stand-in service answers only once all the calls are in flight together.
 */
@SpringBootTest
@AutoConfigureWebTestClient
class ConcurrentCallsTest {

	private static final int CALLS = 40;

	private static final CountDownLatch allInFlight = new CountDownLatch(CALLS);

	private static final HttpServer community = start();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("HITTER_COMMUNITY_URL", () -> "http://127.0.0.1:" + community.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		community.stop(0);
	}

	@Test
	void fortyCallsAtOnceOnOneRouteAllReachTheService() throws Exception {
		ExecutorService callers = Executors.newFixedThreadPool(CALLS);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < CALLS; i++) {
				answers.add(callers.submit(() -> client.mutate()
					.responseTimeout(java.time.Duration.ofSeconds(20))
					.build()
					.mutateWith(mockJwt())
					.get()
					.uri("/api/v1/community/posts")
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(30, TimeUnit.SECONDS));
			}
			assertThat(statuses).as("every call's status").containsOnly(200);
		}
		finally {
			callers.shutdownNow();
		}
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), CALLS * 2);
			server.setExecutor(Executors.newFixedThreadPool(CALLS + 8));
			server.createContext("/", exchange -> {
				allInFlight.countDown();
				try {
					allInFlight.await(3, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				byte[] body = "{\"items\":[],\"nextCursor\":null}".getBytes(StandardCharsets.UTF_8);
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
