package dev.hitter.prediction.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.models.Genre;
import dev.hitter.prediction.chunks.ChunkStream;

/**
 * The job tables in SQL: staging a submission, claiming items with {@code FOR UPDATE SKIP LOCKED} and a lease,
 * recording outcomes, and the webhook's delivery state. Times that replicas compare (leases, due times) come from
 * the database's clock, so replicas whose clocks disagree still agree on who owns what. Callers hold the
 * transactions.
 */
@Repository
class JobStore {

	private static final String UNFINISHED = "('QUEUED', 'RUNNING')";

	/** Webhook calls kept per job: the newest, so a receiver failing for weeks cannot grow the log without end. */
	static final int DELIVERY_LOG_SIZE = 50;

	/** Members a claim tries before it takes any due item (the first usually has one free). */
	static final int CLAIM_CANDIDATES = 5;

	private final JdbcClient jdbc;

	JobStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A job as stored. */
	record JobRow(UUID id, UUID memberId, String idempotencyKey, String requestHash, JobState state, int totalItems,
			Instant createdAt, Instant finishedAt, String webhookUrl, String webhookSecret, WebhookState webhookState,
			int webhookAttempts, Instant webhookDueAt, Integer webhookStatus, String webhookLastError,
			String clientId, UUID webhookDeliveryId, boolean webhookRedelivery) {

		/** The id of the delivery under way: the job's own for the first, a new one for each redelivery. */
		String deliveryId() {
			return webhookDeliveryId == null ? id.toString() : webhookDeliveryId.toString();
		}
	}

	/** An item as stored (its lyrics and audio are read only by the worker that claimed it). */
	record ItemRow(UUID id, UUID jobId, UUID memberId, int position, String fileName, String title, String artist,
			Genre genre, long audioSize, ItemState state, int attempts, String scoredBy, UUID predictionId,
			Double hitProbability, Double audioProbability, Double lyricsProbability, String modelSetVersion,
			String problemType, String problemDetail, String problemReason, Instant finishedAt, Boolean demonstration) {
	}

	/** A claimed item: what the worker needs to score it; {@code attempts} counts this claim. */
	record ClaimedItem(UUID id, UUID jobId, UUID memberId, String title, String artist, Genre genre, String lyrics,
			int attempts, String clientId) {
	}

	/** Counts of a job's items by state. */
	record Progress(int queued, int running, int succeeded, int failed) {
	}

	// --- staging

	void insertJob(UUID id, UUID memberId, String idempotencyKey, String requestHash, int totalItems,
			String webhookUrl, String webhookSecret, String clientId) {
		jdbc.sql("""
				INSERT INTO prediction_job (id, member_id, idempotency_key, request_hash, state, total_items,
				    created_at, webhook_url, webhook_secret, webhook_state, client_id)
				VALUES (?, ?, ?, ?, 'RUNNING', ?, NOW(6), ?, ?, 'NONE', ?)""")
			.params(id.toString(), memberId.toString(), idempotencyKey, requestHash, totalItems, webhookUrl,
					webhookSecret, clientId)
			.update();
	}

	/** Stores an item and copies its audio into the staging table chunk by chunk (never whole in memory). */
	void insertItem(UUID jobId, UUID memberId, int position, StagedTrack track, String clientId) {
		UUID itemId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO prediction_job_item (id, job_id, member_id, position, file_name, title, artist, genre,
				    lyrics, audio_size, state, available_at, client_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', NOW(6), ?)""")
			.params(itemId.toString(), jobId.toString(), memberId.toString(), position, track.fileName(),
					track.title(), track.artist(), track.genre().name(), track.lyrics(), track.audio().getSize(),
					clientId)
			.update();
		try (InputStream in = track.audio().getInputStream()) {
			ChunkStream.copy(in, (chunk, bytes) -> jdbc
				.sql("INSERT INTO prediction_job_audio (item_id, chunk, bytes) VALUES (?, ?, ?)")
				.params(itemId.toString(), chunk, bytes)
				.update());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the upload " + track.fileName(), ex);
		}
	}

	/** The audio of an item, read a chunk at a time. */
	InputStream openAudio(UUID itemId) {
		return new ChunkStream(chunk -> jdbc
			.sql("SELECT bytes FROM prediction_job_audio WHERE item_id = ? AND chunk = ?")
			.params(itemId.toString(), chunk)
			.query(byte[].class)
			.optional());
	}

	/** What a member has waiting or running: items, and the bytes of audio they keep staged. */
	record MemberUsage(long items, long stagedBytes) {
	}

	/**
	 * Gives the member a row to lock, if they have none yet. Its own statement, outside the submission's
	 * transaction: two first submissions inserting the same row inside their transactions could deadlock.
	 */
	void ensureMemberRow(UUID memberId) {
		// Never again for an erased member (the SELECT share-locks, so it also waits for an erasure under way).
		jdbc.sql("""
				INSERT IGNORE INTO prediction_job_member (member_id, created_at)
				SELECT ?, NOW(6) FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM erased_member WHERE member_id = ?)""")
			.params(memberId.toString(), memberId.toString())
			.update();
	}

	/**
	 * Locks the member's row for the rest of the caller's transaction, then counts what the member has waiting.
	 * Another submission of the same member waits at the lock until this one has committed (or rolled back), and
	 * then counts this one's items too: the caller needs READ COMMITTED. Other members are not held up.
	 *
	 * <p>The row is also what keeps a submission and the member's erasure apart (READ COMMITTED takes no gap locks,
	 * so {@code ErasedMembers} cannot): the erasure deletes it before the jobs, so it either waits here for this
	 * submission and then deletes its job, or has deleted the row and this submission is refused.
	 */
	MemberUsage lockUsageOf(UUID memberId) {
		boolean active = jdbc.sql("SELECT member_id FROM prediction_job_member WHERE member_id = ? FOR UPDATE")
			.param(memberId.toString())
			.query(String.class)
			.optional()
			.isPresent();
		if (!active) {
			throw new ApiException(ProblemType.UNAUTHORIZED, "Sign in again.");
		}
		return jdbc.sql("""
				SELECT COUNT(*) AS items, COALESCE(SUM(audio_size), 0) AS staged FROM prediction_job_item
				WHERE member_id = ? AND state IN """ + UNFINISHED)
			.param(memberId.toString())
			.query((rs, n) -> new MemberUsage(rs.getLong("items"), rs.getLong("staged")))
			.single();
	}

	/** Items in a state across all jobs (an index range count). */
	long countItems(ItemState state) {
		return jdbc.sql("SELECT COUNT(*) FROM prediction_job_item WHERE state = ?")
			.param(state.name())
			.query(Long.class)
			.single();
	}

	long stagedChunks() {
		return jdbc.sql("SELECT COUNT(*) FROM prediction_job_audio").query(Long.class).single();
	}

	// --- reading

	Optional<JobRow> job(UUID id) {
		return jdbc.sql("SELECT * FROM prediction_job WHERE id = ?").param(id.toString()).query(JobStore::job)
			.optional();
	}

	Optional<JobRow> jobByIdempotencyKey(UUID memberId, String key) {
		return jdbc.sql("SELECT * FROM prediction_job WHERE member_id = ? AND idempotency_key = ?")
			.params(memberId.toString(), key)
			.query(JobStore::job)
			.optional();
	}

	List<JobRow> jobsOf(UUID memberId, int offset, int limit) {
		return jdbc.sql("""
				SELECT * FROM prediction_job WHERE member_id = ? ORDER BY created_at DESC, id
				LIMIT ? OFFSET ?""")
			.params(memberId.toString(), limit, offset)
			.query(JobStore::job)
			.list();
	}

	long countJobsOf(UUID memberId) {
		return jdbc.sql("SELECT COUNT(*) FROM prediction_job WHERE member_id = ?")
			.param(memberId.toString())
			.query(Long.class)
			.single();
	}

	List<ItemRow> items(UUID jobId) {
		return jdbc.sql("SELECT * FROM prediction_job_item WHERE job_id = ? ORDER BY position")
			.param(jobId.toString())
			.query(JobStore::item)
			.list();
	}

	Progress progress(UUID jobId) {
		int[] counts = new int[ItemState.values().length];
		jdbc.sql("SELECT state, COUNT(*) AS n FROM prediction_job_item WHERE job_id = ? GROUP BY state")
			.param(jobId.toString())
			.query(rs -> {
				counts[ItemState.valueOf(rs.getString("state")).ordinal()] = rs.getInt("n");
			});
		return new Progress(counts[ItemState.QUEUED.ordinal()], counts[ItemState.RUNNING.ordinal()],
				counts[ItemState.SUCCEEDED.ordinal()], counts[ItemState.FAILED.ordinal()]);
	}

	// --- claiming and scoring

	/**
	 * Claims an item that is queued and due, or running under a lease that ran out, for {@code owner}: rows another
	 * replica is claiming right now are skipped, not waited for. The claim counts as an attempt.
	 * <p>
	 * Claims rotate across members, so that one member's 2,000 waiting items do not make everybody else wait for
	 * all of them: the item is the oldest due one of the member with the fewest items running (on any replica),
	 * among those the one whose oldest due item has waited longest. Everything it needs is in the database, so
	 * the rotation holds across replicas.
	 */
	Optional<ClaimedItem> claimNext(String owner, Duration lease) {
		List<String> members = jdbc.sql("""
				SELECT member_id,
				    SUM(CASE WHEN state = 'RUNNING' AND available_at > NOW(6) THEN 1 ELSE 0 END) AS running,
				    MIN(CASE WHEN available_at <= NOW(6) THEN available_at END) AS oldest_due
				FROM prediction_job_item WHERE state IN ('QUEUED', 'RUNNING')
				GROUP BY member_id HAVING oldest_due IS NOT NULL
				ORDER BY running, oldest_due, member_id LIMIT ?""")
			.param(CLAIM_CANDIDATES)
			.query((rs, n) -> rs.getString("member_id"))
			.list();
		for (String member : members) {
			Optional<ClaimedItem> claimed = claim(owner, lease, member);
			if (claimed.isPresent()) {
				return claimed;
			}
		}
		// Every candidate's due items were being claimed by other replicas right now: any due item will do.
		return members.isEmpty() ? Optional.empty() : claim(owner, lease, null);
	}

	/** Claims the oldest due item of {@code member}, or of anybody when it is null. */
	private Optional<ClaimedItem> claim(String owner, Duration lease, String member) {
		// The locked row is read whole here, so the claim is two statements: no read-back after the update.
		String due = """
				SELECT id, job_id, member_id, title, artist, genre, lyrics, attempts, client_id FROM prediction_job_item
				WHERE state IN ('QUEUED', 'RUNNING') AND available_at <= NOW(6)
				""";
		Optional<ClaimedItem> claimed = jdbc
			.sql(due + (member == null ? "" : "AND member_id = ? ")
					+ "ORDER BY available_at, position LIMIT 1 FOR UPDATE SKIP LOCKED")
			.params(member == null ? List.of() : List.of(member))
			.query((rs, n) -> new ClaimedItem(uuid(rs, "id"), uuid(rs, "job_id"), uuid(rs, "member_id"),
					rs.getString("title"), rs.getString("artist"), Genre.valueOf(rs.getString("genre")),
					rs.getString("lyrics"), rs.getInt("attempts") + 1, rs.getString("client_id")))
			.optional();
		claimed.ifPresent(item -> jdbc.sql("""
				UPDATE prediction_job_item SET state = 'RUNNING', lease_owner = ?, attempts = attempts + 1,
				    available_at = DATE_ADD(NOW(6), INTERVAL ? MICROSECOND)
				WHERE id = ?""")
			.params(owner, lease.toNanos() / 1000, item.id().toString())
			.update());
		return claimed;
	}

	/**
	 * Records a scored item if {@code owner} still holds it; false when its lease ran out and another replica took
	 * it over (that replica's result is the one kept). Its lyrics and audio are dropped with the same statement's
	 * transaction.
	 */
	boolean recordSuccess(UUID itemId, String owner, UUID predictionId, double hit, double audio, double lyrics,
			String modelSetVersion, boolean demonstration) {
		int updated = jdbc.sql("""
				UPDATE prediction_job_item SET state = 'SUCCEEDED', lease_owner = NULL, scored_by = ?,
				    prediction_id = ?, hit_probability = ?, audio_probability = ?, lyrics_probability = ?,
				    model_set_version = ?, demonstration = ?, lyrics = NULL, finished_at = NOW(6)
				WHERE id = ? AND state = 'RUNNING' AND lease_owner = ?""")
			.params(owner, predictionId.toString(), hit, audio, lyrics, modelSetVersion, demonstration,
					itemId.toString(), owner)
			.update();
		if (updated == 1) {
			dropAudio(itemId);
		}
		return updated == 1;
	}

	/** Records an item that cannot be scored (bad audio, bad lyrics, given up); false if no longer held. */
	boolean recordFailure(UUID itemId, String owner, String problemType, String detail, String reason) {
		int updated = jdbc.sql("""
				UPDATE prediction_job_item SET state = 'FAILED', lease_owner = NULL, scored_by = ?,
				    problem_type = ?, problem_detail = ?, problem_reason = ?, lyrics = NULL, finished_at = NOW(6)
				WHERE id = ? AND state = 'RUNNING' AND lease_owner = ?""")
			.params(owner, problemType, truncate(detail, 1000), truncate(reason, 100), itemId.toString(), owner)
			.update();
		if (updated == 1) {
			dropAudio(itemId);
		}
		return updated == 1;
	}

	/**
	 * Puts a held item back in the queue, due after {@code delay}; the attempt is not counted if it was no fault.
	 * False if no longer held.
	 */
	boolean requeue(UUID itemId, String owner, Duration delay, boolean countAttempt) {
		return jdbc.sql("""
				UPDATE prediction_job_item SET state = 'QUEUED', lease_owner = NULL,
				    attempts = attempts - ?, available_at = DATE_ADD(NOW(6), INTERVAL ? MICROSECOND)
				WHERE id = ? AND state = 'RUNNING' AND lease_owner = ?""")
			.params(countAttempt ? 0 : 1, delay.toNanos() / 1000, itemId.toString(), owner)
			.update() == 1;
	}

	private void dropAudio(UUID itemId) {
		jdbc.sql("DELETE FROM prediction_job_audio WHERE item_id = ?").param(itemId.toString()).update();
	}

	/**
	 * Completes the job if no item is left to score, once: the job row is locked first, so two replicas finishing
	 * its last two items one after the other cannot both miss the end. Needs READ COMMITTED to count what the other
	 * replica just committed. Returns whether this call completed it.
	 */
	boolean completeIfDone(UUID jobId) {
		Optional<String> state = jdbc.sql("SELECT state FROM prediction_job WHERE id = ? FOR UPDATE")
			.param(jobId.toString())
			.query(String.class)
			.optional();
		if (state.isEmpty() || !state.get().equals(JobState.RUNNING.name())) {
			return false;
		}
		long unfinished = jdbc
			.sql("SELECT COUNT(*) FROM prediction_job_item WHERE job_id = ? AND state IN " + UNFINISHED)
			.param(jobId.toString())
			.query(Long.class)
			.single();
		if (unfinished > 0) {
			return false;
		}
		jdbc.sql("""
				UPDATE prediction_job SET state = 'COMPLETED', finished_at = NOW(6),
				    webhook_state = CASE WHEN webhook_url IS NULL THEN 'NONE' ELSE 'PENDING' END,
				    webhook_due_at = CASE WHEN webhook_url IS NULL THEN NULL ELSE NOW(6) END
				WHERE id = ? AND state = 'RUNNING'""")
			.param(jobId.toString())
			.update();
		return true;
	}

	/** Running jobs none of whose items is left: their completion was missed (a replica died in between). */
	List<UUID> runningJobsWithNothingLeft(int limit) {
		return jdbc.sql("""
				SELECT j.id FROM prediction_job j WHERE j.state = 'RUNNING' AND NOT EXISTS (
				    SELECT 1 FROM prediction_job_item i WHERE i.job_id = j.id AND i.state IN ('QUEUED', 'RUNNING'))
				LIMIT ?""")
			.param(limit)
			.query((rs, n) -> uuid(rs, "id"))
			.list();
	}

	/** Deletes a job with its items and their staged audio (the predictions it made stay). */
	boolean deleteJob(UUID jobId) {
		// The items and their audio go with it: ON DELETE CASCADE.
		return jdbc.sql("DELETE FROM prediction_job WHERE id = ?").param(jobId.toString()).update() == 1;
	}

	// --- webhooks

	/** A due webhook call, claimed: its due time moves past the attempt so nobody else calls it meanwhile. */
	Optional<JobRow> claimDueWebhook(Duration attemptWindow) {
		Optional<String> id = jdbc.sql("""
				SELECT id FROM prediction_job WHERE webhook_state = 'PENDING' AND webhook_due_at <= NOW(6)
				ORDER BY webhook_due_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.query(String.class)
			.optional();
		if (id.isEmpty()) {
			return Optional.empty();
		}
		jdbc.sql("""
				UPDATE prediction_job SET webhook_attempts = webhook_attempts + 1,
				    webhook_due_at = DATE_ADD(NOW(6), INTERVAL ? MICROSECOND)
				WHERE id = ?""")
			.params(attemptWindow.toNanos() / 1000, id.get())
			.update();
		return job(UUID.fromString(id.get()));
	}

	void recordWebhookDelivered(UUID jobId, Integer status) {
		jdbc.sql("""
				UPDATE prediction_job SET webhook_state = 'DELIVERED', webhook_due_at = NULL, webhook_status = ?,
				    webhook_last_error = NULL
				WHERE id = ?""")
			.params(status, jobId.toString())
			.update();
	}

	/** A failed call: due again after {@code retryIn}, or FAILED for good when that is empty. */
	void recordWebhookFailure(UUID jobId, Integer status, String error, Optional<Duration> retryIn) {
		jdbc.sql("""
				UPDATE prediction_job SET webhook_state = ?, webhook_status = ?, webhook_last_error = ?,
				    webhook_due_at = CASE WHEN ? THEN DATE_ADD(NOW(6), INTERVAL ? MICROSECOND) ELSE NULL END
				WHERE id = ?""")
			.params(retryIn.isPresent() ? WebhookState.PENDING.name() : WebhookState.FAILED.name(), status,
					truncate(error, 500), retryIn.isPresent(), retryIn.map(d -> d.toNanos() / 1000).orElse(0L),
					jobId.toString())
			.update();
	}

	/** One call of a job's webhook, as the delivery log keeps it. */
	record DeliveryRow(String deliveryId, int attempt, Instant attemptedAt, Integer status, boolean delivered,
			String error, long durationMs, boolean redelivery) {
	}

	/**
	 * Logs a call of the job's webhook (nothing if the job was deleted meanwhile) and drops the job's calls older
	 * than the newest {@link #DELIVERY_LOG_SIZE}.
	 */
	void logWebhookCall(JobRow job, Instant attemptedAt, Integer status, boolean delivered, String error,
			long durationMs) {
		jdbc.sql("""
				INSERT INTO prediction_job_webhook_delivery (job_id, delivery_id, attempt, attempted_at, status,
				    outcome, error, duration_ms, redelivery)
				SELECT id, ?, ?, ?, ?, ?, ?, ?, ? FROM prediction_job WHERE id = ?""")
			.params(job.deliveryId(), job.webhookAttempts(), Timestamp.from(attemptedAt), status,
					delivered ? "DELIVERED" : "FAILED", truncate(error, 500), durationMs, job.webhookRedelivery(),
					job.id().toString())
			.update();
		Optional<Long> oldestKept = jdbc.sql("""
				SELECT id FROM prediction_job_webhook_delivery WHERE job_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?""")
			.params(job.id().toString(), DELIVERY_LOG_SIZE - 1)
			.query(Long.class)
			.optional();
		oldestKept.ifPresent(id -> jdbc.sql("DELETE FROM prediction_job_webhook_delivery WHERE job_id = ? AND id < ?")
			.params(job.id().toString(), id)
			.update());
	}

	/** The job's logged webhook calls, newest first. */
	List<DeliveryRow> webhookCalls(UUID jobId) {
		return jdbc.sql("""
				SELECT * FROM prediction_job_webhook_delivery WHERE job_id = ? ORDER BY id DESC LIMIT ?""")
			.params(jobId.toString(), DELIVERY_LOG_SIZE)
			.query((rs, n) -> new DeliveryRow(rs.getString("delivery_id"), rs.getInt("attempt"),
					instant(rs, "attempted_at"), (Integer) rs.getObject("status", Integer.class),
					"DELIVERED".equals(rs.getString("outcome")), rs.getString("error"), rs.getLong("duration_ms"),
					rs.getBoolean("redelivery")))
			.list();
	}

	/**
	 * Makes an ended job's webhook due again now, as a new delivery with its own id and attempts. One statement, so
	 * that of two requests racing only one queues a delivery; false when one is pending already (or the job has
	 * not ended, or has no webhook).
	 */
	boolean queueRedelivery(UUID jobId) {
		return jdbc.sql("""
				UPDATE prediction_job SET webhook_state = 'PENDING', webhook_due_at = NOW(6), webhook_attempts = 0,
				    webhook_status = NULL, webhook_last_error = NULL, webhook_delivery_id = ?, webhook_redelivery = TRUE
				WHERE id = ? AND state <> 'RUNNING' AND webhook_url IS NOT NULL
				    AND webhook_state IN ('DELIVERED', 'FAILED')""")
			.params(UUID.randomUUID().toString(), jobId.toString())
			.update() == 1;
	}

	// --- mapping

	private static JobRow job(ResultSet rs, int row) throws SQLException {
		return new JobRow(uuid(rs, "id"), uuid(rs, "member_id"), rs.getString("idempotency_key"),
				rs.getString("request_hash"), JobState.valueOf(rs.getString("state")), rs.getInt("total_items"),
				instant(rs, "created_at"), instant(rs, "finished_at"), rs.getString("webhook_url"),
				rs.getString("webhook_secret"), WebhookState.valueOf(rs.getString("webhook_state")),
				rs.getInt("webhook_attempts"), instant(rs, "webhook_due_at"),
				(Integer) rs.getObject("webhook_status", Integer.class), rs.getString("webhook_last_error"),
				rs.getString("client_id"), uuid(rs, "webhook_delivery_id"), rs.getBoolean("webhook_redelivery"));
	}

	private static ItemRow item(ResultSet rs, int row) throws SQLException {
		return new ItemRow(uuid(rs, "id"), uuid(rs, "job_id"), uuid(rs, "member_id"), rs.getInt("position"),
				rs.getString("file_name"), rs.getString("title"), rs.getString("artist"),
				Genre.valueOf(rs.getString("genre")), rs.getLong("audio_size"),
				ItemState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("scored_by"),
				uuid(rs, "prediction_id"), rs.getObject("hit_probability", Double.class),
				rs.getObject("audio_probability", Double.class), rs.getObject("lyrics_probability", Double.class),
				rs.getString("model_set_version"), rs.getString("problem_type"), rs.getString("problem_detail"),
				rs.getString("problem_reason"), instant(rs, "finished_at"),
				rs.getObject("demonstration", Boolean.class));
	}

	private static UUID uuid(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return value == null ? null : UUID.fromString(value);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}
}
