package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import dev.hitter.models.Genre;
import dev.hitter.prediction.PredictionTestContext;

/**
 * An administrator's decision on a leaderboard entry reaches auth-service's audit log through the outbox, with
 * prediction-service's own service token, against a stand-in auth-service over real HTTP.
 */
@SpringBootTest(properties = { "hitter.outbox.poll-interval=100ms", "hitter.outbox.initial-backoff=100ms",
		"hitter.outbox.max-backoff=400ms", "hitter.outbox.circuit-open-for=300ms" })
@PredictionTestContext(schema = "hitter_prediction_moderation_audit")
class ModerationAuditDeliveryTest extends CommunityApiTestBase {

	static final String SERVICE_TOKEN = "service-token-" + UUID.randomUUID();

	static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

	static final HttpServer AUTH = authStandIn();

	record Received(String authorization, String body) {
	}

	@Autowired
	JdbcClient jdbc;

	final UUID owner = UUID.randomUUID();

	final UUID moderator = UUID.randomUUID();

	@DynamicPropertySource
	static void standIns(DynamicPropertyRegistry registry) {
		String url = "http://127.0.0.1:" + AUTH.getAddress().getPort();
		registry.add("hitter.internal.auth-url", () -> url);
		registry.add("hitter.service.token-uri", () -> url + "/internal/v1/oauth2/token");
		registry.add("hitter.service.secret", () -> "prediction-service-test-secret-0123456789");
	}

	@AfterAll
	static void stopStandIn() {
		AUTH.stop(0);
	}

	@Test
	void hidingAndRestoringAnEntryAreEachRecordedOnceWithTheOwnerAndTheModerator() throws Exception {
		UUID entry = stored(owner, Genre.POP, 0.7, true);
		mvc.perform(put(path(entry) + "/moderation").contentType(MediaType.APPLICATION_JSON)
			.content("{\"state\":\"HIDDEN\",\"reason\":\"Reported as someone else's song\"}")
			.with(admin(moderator))).andExpect(status().isOk());
		mvc.perform(delete(path(entry) + "/moderation").with(admin(moderator))).andExpect(status().isNoContent());

		waitUntil("both events reached auth-service", () -> receivedFor(entry).size() == 2);
		List<Received> received = receivedFor(entry);
		assertThat(received).extracting(r -> (String) JsonPath.read(r.body(), "$.kind"))
			.containsExactlyInAnyOrder("MODERATION_ENTRY_HIDDEN", "MODERATION_ENTRY_RESTORED");
		assertThat(received).allSatisfy(r -> {
			assertThat(r.authorization()).isEqualTo("Bearer " + SERVICE_TOKEN);
			assertThat((String) JsonPath.read(r.body(), "$.memberId")).isEqualTo(owner.toString());
			assertThat((String) JsonPath.read(r.body(), "$.actorId")).isEqualTo(moderator.toString());
		});
		List<String> ids = jdbc.sql("SELECT id FROM outbox_message WHERE payload LIKE :p")
			.param("p", "%" + entry + "%")
			.query(String.class)
			.list();
		assertThat(received).extracting(r -> (String) JsonPath.read(r.body(), "$.id"))
			.containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void aMembersRefusedAttemptRecordsNothing() throws Exception {
		UUID entry = stored(owner, Genre.POP, 0.6, true);
		mvc.perform(put(path(entry) + "/moderation").contentType(MediaType.APPLICATION_JSON)
			.content("{\"state\":\"REMOVED\",\"reason\":\"mine now\"}")
			.with(member(UUID.randomUUID()))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE payload LIKE :p")
			.param("p", "%" + entry + "%")
			.query(Long.class)
			.single()).isZero();
	}

	private static List<Received> receivedFor(UUID entry) {
		return RECEIVED.stream().filter(r -> r.body().contains(entry.toString())).toList();
	}

	private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static HttpServer authStandIn() {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/internal/v1/oauth2/token", exchange -> {
			exchange.getRequestBody().readAllBytes();
			byte[] answer = ("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		server.createContext("/internal/v1/audit-events", exchange -> {
			RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		return server;
	}
}
