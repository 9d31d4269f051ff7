package dev.hitter.community.audit;

import static dev.hitter.community.TestMembers.admin;
import static dev.hitter.community.TestMembers.member;
import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import dev.hitter.community.CommunityApiTestBase;

/**
 * An administrator's decision on a post or a comment reaches auth-service's audit log through community's outbox,
 * with community-service's own service token, against a stand-in auth-service over real HTTP.
 */
class ModerationAuditDeliveryTest extends CommunityApiTestBase {

	static final String SERVICE_TOKEN = "service-token-" + UUID.randomUUID();

	static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

	static final HttpServer AUTH = authStandIn();

	record Received(String authorization, String body) {
	}

	final UUID author = UUID.randomUUID();

	final UUID moderator = UUID.randomUUID();

	@DynamicPropertySource
	static void authStandIn(DynamicPropertyRegistry registry) {
		String url = "http://127.0.0.1:" + AUTH.getAddress().getPort();
		registry.add("hitter.internal.auth-url", () -> url);
		registry.add("hitter.service.token-uri", () -> url + "/internal/v1/oauth2/token");
		registry.add("hitter.service.secret", () -> "community-service-test-secret-0123456789");
		registry.add("hitter.outbox.poll-interval", () -> "100ms");
		registry.add("hitter.outbox.initial-backoff", () -> "100ms");
	}

	@AfterAll
	static void stopStandIn() {
		AUTH.stop(0);
	}

	@Test
	void hidingAPostIsRecordedOnceWithItsAuthorTheModeratorAndTheNote() throws Exception {
		UUID post = write(author, "작가", "신고된 글", "본문", "QA");
		mvc.perform(put("/api/v1/community/moderation/POST/" + post).with(admin(moderator, "관리자"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("action", "HIDE", "note", "spam links"))).andExpect(status().isNoContent());

		waitUntil("the event reached auth-service", () -> receivedFor(post).size() == 1);
		Received received = receivedFor(post).get(0);
		assertThat(received.authorization()).isEqualTo("Bearer " + SERVICE_TOKEN);
		assertThat((String) JsonPath.read(received.body(), "$.kind")).isEqualTo("MODERATION_POST_HIDE");
		assertThat((String) JsonPath.read(received.body(), "$.memberId")).isEqualTo(author.toString());
		assertThat((String) JsonPath.read(received.body(), "$.actorId")).isEqualTo(moderator.toString());
		assertThat((String) JsonPath.read(received.body(), "$.detail")).isEqualTo("post " + post + ": spam links");
		assertThat((String) JsonPath.read(received.body(), "$.id")).isEqualTo(jdbc
			.sql("SELECT id FROM outbox_message WHERE payload LIKE :p")
			.param("p", "%" + post + "%")
			.query(String.class)
			.single());
		Thread.sleep(300);
		assertThat(receivedFor(post)).hasSize(1);
	}

	@Test
	void aRefusedOrFailedDecisionRecordsNothing() throws Exception {
		UUID post = write(author, "작가", "평범한 글", "본문", "QA");
		mvc.perform(put("/api/v1/community/moderation/POST/" + post).with(member(author, "작가"))
			.contentType(MediaType.APPLICATION_JSON).content(json("action", "REMOVE"))).andExpect(status().isForbidden());
		UUID missing = UUID.randomUUID();
		mvc.perform(put("/api/v1/community/moderation/COMMENT/" + missing).with(admin(moderator, "관리자"))
			.contentType(MediaType.APPLICATION_JSON).content(json("action", "REMOVE"))).andExpect(status().isNotFound());
		for (UUID target : List.of(post, missing)) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE payload LIKE :p")
				.param("p", "%" + target + "%")
				.query(Long.class)
				.single()).isZero();
		}
	}

	private static List<Received> receivedFor(UUID target) {
		return RECEIVED.stream().filter(r -> r.body().contains(target.toString())).toList();
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
