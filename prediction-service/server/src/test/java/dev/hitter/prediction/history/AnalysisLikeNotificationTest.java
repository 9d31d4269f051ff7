package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import dev.hitter.models.Genre;
import dev.hitter.prediction.PredictionTestContext;

/**
 * A new like of someone else's analysis becomes an ANALYSIS_LIKE notification at community-service, through the
 * outbox: with stand-ins for auth-service's token endpoint and community's internal endpoint over real HTTP, and
 * community not even listening when the like happens.
 */
@SpringBootTest(properties = { "hitter.outbox.poll-interval=100ms", "hitter.outbox.initial-backoff=100ms",
		"hitter.outbox.max-backoff=400ms", "hitter.outbox.circuit-open-for=300ms" })
@PredictionTestContext(schema = "hitter_prediction_like_notices")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisLikeNotificationTest extends CommunityApiTestBase {

	static final String SECRET = "prediction-service-test-secret-0123456789";

	static final String SERVICE_TOKEN = "service-token-" + UUID.randomUUID();

	static final List<String> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();

	static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

	static final HttpServer AUTH = tokenEndpoint();

	/** Reserved, but nobody listens there until a test starts community. */
	static final int COMMUNITY_PORT = freePort();

	static HttpServer community;

	record Received(String authorization, String body) {
	}

	@Autowired
	JdbcClient jdbc;

	final UUID owner = UUID.randomUUID();

	final UUID fan = UUID.randomUUID();

	@DynamicPropertySource
	static void standIns(DynamicPropertyRegistry registry) {
		registry.add("hitter.internal.community-url", () -> "http://127.0.0.1:" + COMMUNITY_PORT);
		registry.add("hitter.service.token-uri",
				() -> "http://127.0.0.1:" + AUTH.getAddress().getPort() + "/internal/v1/oauth2/token");
		registry.add("hitter.service.secret", () -> SECRET);
	}

	@AfterAll
	static void stopStandIns() {
		AUTH.stop(0);
		if (community != null) {
			community.stop(0);
		}
	}

	@Test
	@Order(1)
	void aLikeWhileCommunityIsDownAnswersAtOnceAndItsNotificationArrivesWhenCommunityReturns() throws Exception {
		UUID analysis = stored(owner, Genre.POP, 0.7, true);
		long started = System.nanoTime();
		mvc.perform(put(path(analysis) + "/like").with(member(fan))).andExpect(status().isNoContent());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the like does not wait for community")
			.isLessThan(Duration.ofSeconds(2));

		waitUntil("delivery was tried and failed twice", () -> attemptsFor(analysis) >= 2);
		assertThat(lastErrorFor(analysis)).isNotBlank();
		assertThat(RECEIVED).isEmpty();

		community = communityEndpoint(COMMUNITY_PORT);
		waitUntil("the notification reached community", () -> receivedFor(analysis).size() == 1);
		String body = receivedFor(analysis).get(0).body();
		assertThat((String) JsonPath.read(body, "$.kind")).isEqualTo("ANALYSIS_LIKE");
		assertThat((String) JsonPath.read(body, "$.recipientId")).isEqualTo(owner.toString());
		assertThat((String) JsonPath.read(body, "$.actorId")).isEqualTo(fan.toString());
		assertThat((String) JsonPath.read(body, "$.id")).isEqualTo(messageIdFor(analysis));
		waitUntil("the message is marked delivered", () -> deliveredFor(analysis));
	}

	@Test
	@Order(2)
	void theCallCarriesPredictionServicesOwnServiceTokenFromClientCredentials() throws Exception {
		UUID analysis = stored(owner, Genre.POP, 0.6, true);
		mvc.perform(put(path(analysis) + "/like").with(member(fan))).andExpect(status().isNoContent());
		waitUntil("the notification reached community", () -> receivedFor(analysis).size() == 1);
		assertThat(receivedFor(analysis).get(0).authorization()).isEqualTo("Bearer " + SERVICE_TOKEN);
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("prediction-service:" + SECRET).getBytes(StandardCharsets.UTF_8));
		assertThat(TOKEN_REQUESTS).isNotEmpty().allMatch(request -> request.equals(basic + " grant_type=client_credentials"));
		// Cached: one token for the whole five minutes, not one per call.
		assertThat(TOKEN_REQUESTS).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	@Order(3)
	void aRepeatedLikeAndALikeOfOnesOwnAnalysisTellNobody() throws Exception {
		UUID analysis = stored(owner, Genre.POP, 0.5, true);
		mvc.perform(put(path(analysis) + "/like").with(member(fan))).andExpect(status().isNoContent());
		mvc.perform(put(path(analysis) + "/like").with(member(fan))).andExpect(status().isNoContent());
		mvc.perform(put(path(analysis) + "/like").with(member(owner))).andExpect(status().isNoContent());
		assertThat(messagesFor(analysis)).isEqualTo(1);
		waitUntil("the one notification reached community", () -> receivedFor(analysis).size() == 1);
		Thread.sleep(500);
		assertThat(receivedFor(analysis)).hasSize(1);
	}

	private long messagesFor(UUID analysis) {
		return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE payload LIKE :p")
			.param("p", "%" + analysis + "%")
			.query(Long.class)
			.single();
	}

	private int attemptsFor(UUID analysis) {
		return jdbc.sql("SELECT MAX(attempts) FROM outbox_message WHERE payload LIKE :p")
			.param("p", "%" + analysis + "%")
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private String lastErrorFor(UUID analysis) {
		return jdbc.sql("SELECT last_error FROM outbox_message WHERE payload LIKE :p")
			.param("p", "%" + analysis + "%")
			.query(String.class)
			.single();
	}

	private String messageIdFor(UUID analysis) {
		return jdbc.sql("SELECT id FROM outbox_message WHERE payload LIKE :p")
			.param("p", "%" + analysis + "%")
			.query(String.class)
			.single();
	}

	private boolean deliveredFor(UUID analysis) {
		return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE payload LIKE :p AND delivered_at IS NOT NULL")
			.param("p", "%" + analysis + "%")
			.query(Long.class)
			.single() == 1;
	}

	private static List<Received> receivedFor(UUID analysis) {
		return RECEIVED.stream().filter(r -> r.body().contains(analysis.toString())).toList();
	}

	private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static HttpServer tokenEndpoint() {
		HttpServer server = server(0);
		server.createContext("/internal/v1/oauth2/token", exchange -> {
			String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			TOKEN_REQUESTS.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + form);
			byte[] answer = ("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		server.start();
		return server;
	}

	private static HttpServer communityEndpoint(int port) {
		HttpServer server = server(port);
		server.createContext("/internal/v1/notifications", exchange -> {
			RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

	private static HttpServer server(int port) {
		try {
			return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
