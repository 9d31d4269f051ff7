package dev.hitter.kit.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.ObjectMapper;

/**
 * A service's transactional outbox: what it must tell another service is written, as a row of its own
 * {@code outbox_message} table, in the same transaction as the change that causes it — so the message exists exactly
 * when the change does — and the {@link OutboxRelay} delivers it afterwards, however long the destination is down.
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	public Outbox(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Enqueues a message within the caller's transaction; it is delivered after that transaction commits, and never
	 * if it rolls back.
	 *
	 * @param payload written as JSON
	 * @return the message id, which the destination is given to be idempotent by
	 * @throws IllegalStateException outside a transaction: the message could outlive a change that fails, or be lost
	 */
	public UUID enqueue(String destination, String type, Object payload) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Outbox.enqueue needs the transaction of the change it reports");
		}
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
		jdbc.sql("""
				INSERT INTO outbox_message (id, destination, type, payload, created_at, next_attempt_at, attempts)
				VALUES (:id, :destination, :type, :payload, :now, :now, 0)""")
			.param("id", id.toString())
			.param("destination", destination)
			.param("type", type)
			.param("payload", json.writeValueAsString(payload))
			.param("now", now)
			.update();
		return id;
	}

	/** Messages not yet delivered nor given up (for health checks and tests). */
	public long pending() {
		return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE delivered_at IS NULL AND given_up_at IS NULL")
			.query(Long.class)
			.single();
	}

	/** Messages their destination refused for good, kept for an operator (a metric worth an alert). */
	public long givenUp() {
		return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE given_up_at IS NOT NULL").query(Long.class).single();
	}

	static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}
}
