package dev.hitter.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.localdb.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against the real MySQL-protocol test database: enqueued only with the change, delivered once, retried
 * with a growing and capped back-off, given up on refusal, purged after its keep time — and never in two relays'
 * hands at once.
 */
class OutboxTest {

	private static DataSource database;

	private static JdbcClient jdbc;

	private static TransactionTemplate transaction;

	private final MovableClock clock = new MovableClock();

	private final OutboxProperties properties = new OutboxProperties(Duration.ofSeconds(1), 20, Duration.ofSeconds(60),
			Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofDays(7), Duration.ofMillis(1));

	private final List<OutboxMessage> delivered = new CopyOnWriteArrayList<>();

	private final AtomicReference<RuntimeException> failWith = new AtomicReference<>();

	private Outbox outbox;

	@BeforeAll
	static void outboxTable() throws IOException {
		TestDatabase test = TestDatabase.shared();
		DriverManagerDataSource source = new DriverManagerDataSource(test.baseJdbcUrl()
				+ "/hitter_kit_outbox?createDatabaseIfNotExist=true&connectionTimeZone=UTC"
				+ "&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true&useSSL=false",
				test.username(), test.password());
		database = source;
		jdbc = JdbcClient.create(database);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
		jdbc.sql("DROP TABLE IF EXISTS outbox_message").update();
		try (InputStream ddl = Outbox.class.getResourceAsStream("outbox_message.sql")) {
			String sql = new String(ddl.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
			jdbc.sql(sql.strip().replaceAll(";$", "")).update();
		}
	}

	@BeforeEach
	void emptyOutbox() {
		jdbc.sql("DELETE FROM outbox_message").update();
		outbox = new Outbox(jdbc, JsonMapper.builder().build(), clock);
	}

	@Test
	void aMessageIsDeliveredOnceThenMarkedDelivered() {
		UUID id = transaction.execute(status -> outbox.enqueue("community-service", "test", Map.of("memberId", "m-1")));
		OutboxRelay relay = relay();

		assertThat(relay.deliverDue()).isEqualTo(1);
		assertThat(relay.deliverDue()).isZero();

		assertThat(delivered).singleElement().satisfies(message -> {
			assertThat(message.id()).isEqualTo(id);
			assertThat(message.destination()).isEqualTo("community-service");
			assertThat(message.payload()).isEqualTo("{\"memberId\":\"m-1\"}");
		});
		assertThat(column(id, "attempts")).isEqualTo(1);
		assertThat(column(id, "delivered_at")).isNotNull();
		assertThat(outbox.pending()).isZero();
	}

	@Test
	void aChangeThatRollsBackLeavesNoMessage() {
		transaction.executeWithoutResult(status -> {
			outbox.enqueue("community-service", "test", Map.of());
			status.setRollbackOnly();
		});
		assertThat(outbox.pending()).isZero();
		assertThat(relay().deliverDue()).isZero();
	}

	@Test
	void enqueueingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> outbox.enqueue("community-service", "test", Map.of()))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aFailedDeliveryIsTriedAgainAfterABackoffThatDoublesUpToItsCap() {
		UUID id = transaction.execute(status -> outbox.enqueue("community-service", "test", Map.of()));
		failWith.set(new IllegalStateException("community-service is down"));
		OutboxRelay relay = relay();
		List<Duration> waits = new ArrayList<>();
		for (int attempt = 1; attempt <= 7; attempt++) {
			assertThat(relay.deliverDue()).isZero();
			Instant next = jdbc.sql("SELECT next_attempt_at FROM outbox_message WHERE id = :id")
				.param("id", id.toString())
				.query((rs, n) -> rs.getTimestamp(1).toInstant())
				.single();
			waits.add(Duration.between(clock.instant().truncatedTo(ChronoUnit.MICROS), next));
			// Not due before its time: a round now tries nothing.
			assertThat(relay.deliverDue()).isZero();
			assertThat(column(id, "attempts")).isEqualTo(attempt);
			clock.advance(Duration.between(clock.instant(), next).plusMillis(1));
		}
		// Measured a few milliseconds after the relay set them (the clock runs): rounded to whole seconds.
		assertThat(waits).extracting(wait -> Math.round(wait.toMillis() / 1000.0))
			.as("waits %s", waits)
			.containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
		assertThat((String) column(id, "last_error")).contains("community-service is down");

		failWith.set(null);
		assertThat(relay.deliverDue()).isEqualTo(1);
		assertThat(column(id, "last_error")).isNull();
		assertThat(column(id, "attempts")).isEqualTo(8);
	}

	@Test
	void aMessageItsDestinationRefusesForGoodIsGivenUpAndKept() {
		UUID id = transaction.execute(status -> outbox.enqueue("community-service", "test", Map.of()));
		failWith.set(new UndeliverableMessage("refused with 400", null));
		OutboxRelay relay = relay();
		assertThat(relay.deliverDue()).isZero();
		clock.advance(Duration.ofHours(1));
		assertThat(relay.deliverDue()).isZero();
		assertThat(delivered).isEmpty();
		assertThat(column(id, "given_up_at")).isNotNull();
		assertThat((String) column(id, "last_error")).contains("refused with 400");
		assertThat(outbox.pending()).isZero();
		assertThat(outbox.givenUp()).isEqualTo(1);
	}

	@Test
	void deliveredMessagesArePurgedAfterTheirKeepTimeOnly() {
		UUID old = transaction.execute(status -> outbox.enqueue("community-service", "test", Map.of()));
		OutboxRelay relay = relay();
		relay.deliverDue();
		clock.advance(Duration.ofDays(6));
		UUID recent = transaction.execute(status -> outbox.enqueue("community-service", "test", Map.of()));
		relay.deliverDue();
		UUID waiting = transaction.execute(status -> outbox.enqueue("community-service", "test", Map.of()));
		clock.advance(Duration.ofDays(2));

		assertThat(relay.purge()).isEqualTo(1);
		assertThat(ids()).containsExactlyInAnyOrder(recent.toString(), waiting.toString()).doesNotContain(old.toString());
	}

	@Test
	void aClaimedMessageGoesBackToTheOthersOnlyOnceItsLeaseHasRunOut() {
		UUID id = transaction.execute(status -> outbox.enqueue("community-service", "test", Map.of()));
		// A replica that claimed it and died before recording anything: the claim alone moved its next attempt.
		transaction.executeWithoutResult(status -> jdbc
			.sql("UPDATE outbox_message SET next_attempt_at = :leased WHERE id = :id")
			.param("leased", Timestamp.from(clock.instant().plus(properties.lease())))
			.param("id", id.toString())
			.update());
		OutboxRelay relay = relay();
		assertThat(relay.deliverDue()).isZero();
		clock.advance(properties.lease().plusSeconds(1));
		assertThat(relay.deliverDue()).isEqualTo(1);
	}

	@Test
	void relaysOnSeveralReplicasNeverHoldTheSameMessageAtOnce() throws Exception {
		int messages = 60;
		transaction.executeWithoutResult(status -> {
			for (int i = 0; i < messages; i++) {
				outbox.enqueue("community-service", "test", Map.of("n", i));
			}
		});
		Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
		OutboxHandler slowCounting = new OutboxHandler() {
			@Override
			public String type() {
				return "test";
			}

			@Override
			public void deliver(OutboxMessage message) throws InterruptedException {
				deliveries.computeIfAbsent(message.id(), any -> new AtomicInteger()).incrementAndGet();
				Thread.sleep(5);
			}
		};
		OutboxProperties smallBatches = new OutboxProperties(Duration.ofSeconds(1), 5, Duration.ofSeconds(60),
				Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofDays(7), Duration.ofMillis(1));
		int replicas = 4;
		ExecutorService pool = Executors.newFixedThreadPool(replicas);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> rounds = new ArrayList<>();
		for (int r = 0; r < replicas; r++) {
			OutboxRelay relay = new OutboxRelay(jdbc, transaction, List.of(slowCounting), smallBatches, clock);
			rounds.add(pool.submit(() -> {
				start.await();
				int total = 0;
				for (int round = 0; round < 40; round++) {
					total += relay.deliverDue();
				}
				return total;
			}));
		}
		start.countDown();
		int total = 0;
		for (Future<Integer> round : rounds) {
			total += round.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();

		assertThat(total).isEqualTo(messages);
		assertThat(deliveries).hasSize(messages);
		assertThat(deliveries.values()).allMatch(count -> count.get() == 1);
		assertThat(outbox.pending()).isZero();
	}

	@Test
	void theBackoffDoublesFromItsStartAndStopsAtItsCap() {
		OutboxProperties backoff = new OutboxProperties(Duration.ofSeconds(1), 20, Duration.ofSeconds(60),
				Duration.ofMillis(500), Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofSeconds(10));
		assertThat(backoff.backoffAfter(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(backoff.backoffAfter(2)).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.backoffAfter(10)).isEqualTo(Duration.ofMillis(500 * 512));
		assertThat(backoff.backoffAfter(11)).isEqualTo(Duration.ofMinutes(5));
		assertThat(backoff.backoffAfter(10_000)).isEqualTo(Duration.ofMinutes(5));
	}

	private OutboxRelay relay() {
		OutboxHandler recording = new OutboxHandler() {
			@Override
			public String type() {
				return "test";
			}

			@Override
			public void deliver(OutboxMessage message) {
				RuntimeException failure = failWith.get();
				if (failure != null) {
					throw failure;
				}
				delivered.add(message);
			}
		};
		return new OutboxRelay(jdbc, transaction, List.of(recording), properties, clock);
	}

	private Object column(UUID id, String column) {
		return jdbc.sql("SELECT " + column + " FROM outbox_message WHERE id = :id")
			.param("id", id.toString())
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1)))
			.single()
			.orElse(null);
	}

	private List<String> ids() {
		return jdbc.sql("SELECT id FROM outbox_message").query(String.class).list();
	}

	/** Real time plus an offset the test moves. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

		void advance(Duration by) {
			offset.updateAndGet(current -> current.plus(by));
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(offset.get());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
