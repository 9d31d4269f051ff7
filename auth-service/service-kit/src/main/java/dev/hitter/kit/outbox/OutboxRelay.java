package dev.hitter.kit.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * Delivers a service's outbox messages. Each round claims due messages with {@code SELECT … FOR UPDATE SKIP LOCKED}
 * (MySQL 8, MariaDB 10.6+) and moves their next attempt one lease ahead in that short transaction, so that however
 * many replicas relay, each message is in one replica's hands at a time; then it delivers them outside any
 * transaction, through the handler for their type. A failure is recorded (attempts, last error) and tried again after
 * an exponential back-off with a cap; a circuit breaker per destination keeps a replica from calling a service that
 * is down once per message. Delivery is at least once (a replica may die between delivering and recording it):
 * receivers are idempotent by the message id. Delivered messages are purged after a while.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	private static final int PURGE_EVERY_ROUNDS = 600;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Map<String, OutboxHandler> handlers;

	private final OutboxProperties properties;

	private final Clock clock;

	private final Map<String, CircuitBreaker> circuits = new ConcurrentHashMap<>();

	private ScheduledExecutorService scheduler;

	private long rounds;

	public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, List<OutboxHandler> handlers,
			OutboxProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.handlers = handlers.stream().collect(Collectors.toMap(OutboxHandler::type, Function.identity()));
		this.properties = properties;
		this.clock = clock;
	}

	/** One round: claims the due messages and delivers them; answers how many were delivered. */
	public int deliverDue() {
		List<OutboxMessage> claimed = claim();
		int delivered = 0;
		for (OutboxMessage message : claimed) {
			if (deliver(message)) {
				delivered++;
			}
		}
		return delivered;
	}

	/** Deletes delivered messages older than {@link OutboxProperties#keepDelivered()}; answers how many. */
	public int purge() {
		Instant before = clock.instant().minus(properties.keepDelivered());
		return jdbc.sql("DELETE FROM outbox_message WHERE delivered_at IS NOT NULL AND delivered_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private List<OutboxMessage> claim() {
		return transaction.execute(status -> {
			Instant now = clock.instant();
			List<OutboxMessage> due = jdbc.sql("""
					SELECT id, destination, type, payload, attempts, created_at FROM outbox_message
					WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= :now
					ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
				.param("now", Timestamp.from(now))
				.param("limit", properties.batchSize())
				.query((rs, n) -> new OutboxMessage(UUID.fromString(rs.getString("id")), rs.getString("destination"),
						rs.getString("type"), rs.getString("payload"), rs.getInt("attempts"),
						rs.getTimestamp("created_at").toInstant()))
				.list();
			if (!due.isEmpty()) {
				jdbc.sql("UPDATE outbox_message SET next_attempt_at = :leased WHERE id IN (:ids)")
					.param("leased", Timestamp.from(Outbox.micros(now.plus(properties.lease()))))
					.param("ids", due.stream().map(m -> m.id().toString()).toList())
					.update();
			}
			return due;
		});
	}

	private boolean deliver(OutboxMessage message) {
		OutboxHandler handler = handlers.get(message.type());
		try {
			if (handler == null) {
				// Perhaps a newer replica's type during a rolling update: it will deliver it, or an operator will see.
				throw new IllegalStateException("no handler for message type " + message.type());
			}
			CircuitBreaker circuit = circuits.computeIfAbsent(message.destination(), this::circuitFor);
			circuit.executeCheckedSupplier(() -> {
				handler.deliver(message);
				return null;
			});
		}
		catch (UndeliverableMessage refused) {
			log.error("Outbox message {} ({} to {}) refused for good after {} attempts: {}", message.id(),
					message.type(), message.destination(), message.attempts() + 1, refused.getMessage());
			record(message, "UPDATE outbox_message SET attempts = attempts + 1, last_error = :error, given_up_at = :now"
					+ " WHERE id = :id", describe(refused), null);
			return false;
		}
		catch (Throwable failure) {
			int attempts = message.attempts() + 1;
			Instant next = clock.instant().plus(properties.backoffAfter(attempts));
			if (failure instanceof CallNotPermittedException) {
				log.debug("Outbox message {} waits: the circuit to {} is open", message.id(), message.destination());
			}
			else {
				log.warn("Outbox message {} ({} to {}) not delivered (attempt {}), next attempt at {}: {}",
						message.id(), message.type(), message.destination(), attempts, next, describe(failure));
			}
			record(message, "UPDATE outbox_message SET attempts = attempts + 1, last_error = :error,"
					+ " next_attempt_at = :next WHERE id = :id", describe(failure), next);
			return false;
		}
		record(message, "UPDATE outbox_message SET attempts = attempts + 1, last_error = NULL, delivered_at = :now"
				+ " WHERE id = :id", null, null);
		return true;
	}

	private void record(OutboxMessage message, String sql, String error, Instant next) {
		var statement = jdbc.sql(sql).param("id", message.id().toString());
		if (sql.contains(":error")) {
			statement = statement.param("error", error);
		}
		if (sql.contains(":now")) {
			statement = statement.param("now", Timestamp.from(Outbox.micros(clock.instant())));
		}
		if (next != null) {
			statement = statement.param("next", Timestamp.from(Outbox.micros(next)));
		}
		statement.update();
	}

	private static String describe(Throwable failure) {
		String text = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
		return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
	}

	private CircuitBreaker circuitFor(String destination) {
		return CircuitBreaker.of("outbox-" + destination, CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(properties.circuitOpenFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			// A refusal for good is an answer, not an outage.
			.ignoreExceptions(UndeliverableMessage.class)
			.build());
	}

	private void round() {
		try {
			deliverDue();
			if (++rounds % PURGE_EVERY_ROUNDS == 1) {
				int purged = purge();
				if (purged > 0) {
					log.info("Outbox: purged {} delivered messages", purged);
				}
			}
		}
		catch (RuntimeException ex) {
			// The database is away, say: the next round tries again.
			log.warn("Outbox round failed: {}", ex.toString());
		}
	}

	@Override
	public synchronized void start() {
		if (scheduler != null) {
			return;
		}
		scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		long every = properties.pollInterval().toMillis();
		scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdown();
			try {
				scheduler.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}
}
