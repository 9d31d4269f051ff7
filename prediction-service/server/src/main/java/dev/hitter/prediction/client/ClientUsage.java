package dev.hitter.prediction.client;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How much each partner client of a member is used: requests, analyses and jobs per UTC day. Counted in memory —
 * a request must not wait for a write — and added to {@code prediction_client_usage} every
 * {@link #FLUSH_INTERVAL}, at shutdown, and before usage is read. Memory is bounded: past {@link #MAX_PENDING}
 * (member, client, day) entries the caller flushes at once. A replica that dies loses at most its last few seconds of
 * counts, which is what a usage figure can afford.
 */
@Component
public class ClientUsage implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClientUsage.class);

	static final Duration FLUSH_INTERVAL = Duration.ofSeconds(5);

	/** Entries waiting to be written; each is a few dozen bytes, and a member has at most ten clients. */
	static final int MAX_PENDING = 10_000;

	static final int MAX_CLIENT_ID_LENGTH = 64;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<Key, Counts> pending = new ConcurrentHashMap<>();

	private ScheduledExecutorService flusher;

	@Autowired
	public ClientUsage(JdbcClient jdbc) {
		this(jdbc, Clock.systemUTC());
	}

	ClientUsage(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Key(UUID memberId, String clientId, LocalDate day) {
	}

	/** Counts added since the last write; immutable, so that a count is either in a write or after it. */
	record Counts(long requests, long analyses, long jobs, Instant lastUsedAt) {

		Counts plus(Counts other) {
			return new Counts(requests + other.requests, analyses + other.analyses, jobs + other.jobs,
					lastUsedAt.isAfter(other.lastUsedAt) ? lastUsedAt : other.lastUsedAt);
		}
	}

	/** A request a client's token made (any path of this service the token was let through to). */
	public void request(UUID memberId, String clientId) {
		add(memberId, clientId, 1, 0, 0);
	}

	/** An analysis a client made, alone or as an item of its job. */
	public void analysis(UUID memberId, String clientId) {
		add(memberId, clientId, 0, 1, 0);
	}

	/** A batch job a client submitted. */
	public void job(UUID memberId, String clientId) {
		add(memberId, clientId, 0, 0, 1);
	}

	private void add(UUID memberId, String clientId, long requests, long analyses, long jobs) {
		// Ours are hc_ and 24 characters; a longer id is not one of ours and would not fit the table.
		if (memberId == null || clientId == null || clientId.length() > MAX_CLIENT_ID_LENGTH) {
			return;
		}
		Instant now = clock.instant();
		Counts counts = new Counts(requests, analyses, jobs, now);
		// compute() is atomic per key, as is the flush's remove(): a count lands before a write or after it.
		pending.compute(new Key(memberId, clientId, LocalDate.ofInstant(now, ZoneOffset.UTC)),
				(key, earlier) -> earlier == null ? counts : earlier.plus(counts));
		if (pending.size() > MAX_PENDING) {
			flush();
		}
	}

	/** Writes what was counted; what cannot be written now is kept for the next time. */
	public synchronized void flush() {
		for (Key key : List.copyOf(pending.keySet())) {
			Counts counts = pending.remove(key);
			if (counts == null) {
				continue;
			}
			try {
				write(key, counts);
			}
			catch (RuntimeException ex) {
				pending.merge(key, counts, Counts::plus);
				log.warn("Client usage not written ({}); kept for the next try", ex.toString());
				return;
			}
		}
	}

	private void write(Key key, Counts counts) {
		// Never again for an erased member: their usage went with the rest of their data.
		jdbc.sql("""
				INSERT INTO prediction_client_usage (member_id, client_id, day, requests, analyses, jobs, last_used_at)
				SELECT ?, ?, ?, ?, ?, ?, ? FROM DUAL
				WHERE NOT EXISTS (SELECT 1 FROM erased_member WHERE member_id = ?)
				ON DUPLICATE KEY UPDATE requests = requests + ?, analyses = analyses + ?, jobs = jobs + ?,
				    last_used_at = GREATEST(last_used_at, ?)""")
			.params(key.memberId().toString(), key.clientId(), Date.valueOf(key.day()), counts.requests(),
					counts.analyses(), counts.jobs(), Timestamp.from(counts.lastUsedAt()), key.memberId().toString(),
					counts.requests(), counts.analyses(), counts.jobs(), Timestamp.from(counts.lastUsedAt()))
			.update();
	}

	/** Usage of a member's clients over the last {@code days} UTC days, today included. */
	public ClientUsageReport report(UUID memberId, int days) {
		flush();
		LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate from = to.minusDays(days - 1L);
		Map<String, List<Row>> byClient = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT client_id, day, requests, analyses, jobs, last_used_at FROM prediction_client_usage
				WHERE member_id = ? AND day BETWEEN ? AND ? ORDER BY client_id, day""")
			.params(memberId.toString(), Date.valueOf(from), Date.valueOf(to))
			.query((rs, n) -> new Row(rs.getString("client_id"), rs.getDate("day").toLocalDate(),
					rs.getLong("requests"), rs.getLong("analyses"), rs.getLong("jobs"),
					rs.getTimestamp("last_used_at").toInstant()))
			.list()
			.forEach(row -> byClient.computeIfAbsent(row.clientId(), id -> new ArrayList<>()).add(row));
		List<ClientUsageReport.Client> clients = new ArrayList<>();
		byClient.forEach((clientId, rows) -> clients.add(ClientUsageReport.Client.of(clientId, rows, from, to)));
		return new ClientUsageReport(from, to, clients);
	}

	/** One stored day of one client. */
	record Row(String clientId, LocalDate day, long requests, long analyses, long jobs, Instant lastUsedAt) {
	}

	@Override
	public synchronized void start() {
		flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "client-usage-flush");
			thread.setDaemon(true);
			return thread;
		});
		long every = FLUSH_INTERVAL.toMillis();
		flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			log.warn("Client usage flush failed: {}", ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		if (flusher != null) {
			flusher.shutdown();
			flusher = null;
		}
		// Shutting down: what was counted since the last write is written now.
		flushQuietly();
	}

	@Override
	public synchronized boolean isRunning() {
		return flusher != null;
	}

	@Override
	public int getPhase() {
		// Stopped after the web server (DEFAULT_PHASE - 2048), so that the requests of its graceful shutdown are
		// counted and written too; the data source closes only after every lifecycle has stopped.
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}
}
