package dev.hitter.auth.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.member.MemberRenamed;

/**
 * Member events reach community's internal hooks through auth-service's outbox, with auth-service's own service token:
 * a rename published as an event, an anonymisation in one line, and a community that first answers 503.
 */
@TestPropertySource(properties = { "hitter.outbox.poll-interval=100ms", "hitter.outbox.initial-backoff=100ms",
		"hitter.outbox.max-backoff=300ms", "hitter.outbox.circuit-open-for=200ms" })
class MemberEventsDeliveryTest extends AuthApiTest {

	record Received(String path, String authorization, String body) {
	}

	static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

	/** Answers 503 to this many requests first, as a community that is starting up. */
	static final AtomicInteger UNAVAILABLE_FOR = new AtomicInteger();

	static final HttpServer COMMUNITY = community();

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	CommunityMemberEvents communityMemberEvents;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry metrics;

	@DynamicPropertySource
	static void communityStandIn(DynamicPropertyRegistry registry) {
		// A schema of its own: the relays of this JVM's other auth-service contexts never claim these messages.
		// (The base registers hitter.database.schema after this method runs: name the data source's URL itself.)
		registry.add("spring.datasource.url", () -> dev.hitter.localdb.TestDatabase.shared().baseJdbcUrl()
				+ "/hitter_auth_member_events?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=UTF-8"
				+ "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true"
				+ "&useSSL=false&useInformationSchema=false");
		registry.add("hitter.internal.community-url", () -> "http://127.0.0.1:" + COMMUNITY.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		COMMUNITY.stop(0);
	}

	@Test
	void aRenameEventReachesCommunityWithAuthServicesServiceToken() throws Exception {
		UUID member = UUID.randomUUID();
		transaction.executeWithoutResult(status -> events.publishEvent(new MemberRenamed(member, "새 이름")));

		Received renamed = awaitRequest("/internal/v1/members/" + member + "/renamed");
		assertThat((String) JsonPath.read(renamed.body(), "$.displayName")).isEqualTo("새 이름");
		String claims = new String(Base64.getUrlDecoder().decode(renamed.authorization().substring(7).split("\\.")[1]),
				StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(claims, "$.sub")).isEqualTo("service:auth-service");
		assertThat(String.valueOf((Object) JsonPath.read(claims, "$.aud"))).contains("hitter-internal")
			.doesNotContain("hitter-api");
	}

	@Test
	void aRenamePublishedOutsideATransactionIsEnqueuedInItsOwn() throws Exception {
		UUID member = UUID.randomUUID();
		events.publishEvent(new MemberRenamed(member, "바깥"));
		awaitRequest("/internal/v1/members/" + member + "/renamed");
	}

	@Test
	void anAnonymisationIsTriedAgainUntilCommunityAnswers() throws Exception {
		UUID member = UUID.randomUUID();
		UNAVAILABLE_FOR.set(3);
		UUID message = transaction.execute(status -> communityMemberEvents.anonymise(member));
		awaitRequest("/internal/v1/members/" + member + "/anonymise");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE id = :id AND delivered_at IS NOT NULL")
			.param("id", message.toString())
			.query(Long.class)
			.single() == 0) {
			assertThat(System.nanoTime()).as("marked delivered").isLessThan(deadline);
			Thread.sleep(50);
		}
		assertThat(jdbc.sql("SELECT attempts FROM outbox_message WHERE id = :id")
			.param("id", message.toString())
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(4);
		// What an operator watches: nothing refused for good here.
		assertThat(metrics.get("hitter.outbox.given.up").gauge().value()).isZero();
		assertThat(metrics.get("hitter.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(0);
	}

	private static Received awaitRequest(String path) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			for (Received received : RECEIVED) {
				if (received.path().equals(path)) {
					return received;
				}
			}
			assertThat(System.nanoTime()).as("a call to " + path + " within 30 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static HttpServer community() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/internal/v1/members/", exchange -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				if (UNAVAILABLE_FOR.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
					exchange.sendResponseHeaders(503, -1);
				}
				else {
					RECEIVED.add(new Received(exchange.getRequestURI().getPath(),
							exchange.getRequestHeaders().getFirst("Authorization"), body));
					exchange.sendResponseHeaders(204, -1);
				}
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
