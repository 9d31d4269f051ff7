package dev.hitter.auth.revocation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which members' access tokens are refused, in the order it was decided (table {@code member_revocation}): every
 * token for ever (deleted, suspended), or those issued before a time (reinstated). The other services and the
 * gateway follow it through the feed {@code GET /internal/v1/revocations}; auth-service reads it itself.
 */
@Component
public class Revocations {

	/** Why a member's (or one of their partner clients') tokens are refused; only for people reading the table. */
	public enum Reason {
		DELETED, SUSPENDED, REINSTATED, CLIENT_REVOKED, CLIENT_ROTATED
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Revocations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every token of the member, issued or to be issued, is refused. Joins the caller's transaction. */
	public void refuseAll(UUID member, Reason reason) {
		insert(member, null, reason);
	}

	/**
	 * Only tokens issued before {@code notBefore} are refused. JWT issue times are whole seconds, so the time is
	 * rounded UP: a token issued in the same second before the decision must not pass (at the price of a token
	 * issued in that second after it being refused too — the member signs in again a moment later).
	 *
	 * @return the time recorded
	 */
	public Instant refuseIssuedBefore(UUID member, Instant notBefore, Reason reason) {
		Instant rounded = roundUpToSecond(notBefore);
		insert(member, rounded, reason);
		return rounded;
	}

	/**
	 * Tokens of one partner client of the member (issue 14): every one when {@code notBefore} is null (the client is
	 * revoked), else those issued before it, rounded up to the second like {@link #refuseIssuedBefore} (its secret
	 * was rotated). The member's own tokens, and their other clients', stay accepted. Joins the caller's transaction.
	 *
	 * @return the time recorded (null: every token)
	 */
	public Instant refuseClient(UUID member, String clientId, Instant notBefore, Reason reason) {
		Instant rounded = notBefore == null ? null : roundUpToSecond(notBefore);
		insert(member, clientId, rounded, reason);
		return rounded;
	}

	static Instant roundUpToSecond(Instant time) {
		Instant down = time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		return down.equals(time) ? down : down.plusSeconds(1);
	}

	private void insert(UUID member, Instant notBefore, Reason reason) {
		insert(member, null, notBefore, reason);
	}

	private void insert(UUID member, String clientId, Instant notBefore, Reason reason) {
		jdbc.sql("INSERT INTO member_revocation (member_id, client_id, not_before, reason, created_at) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(member.toString(), clientId, notBefore == null ? null : Timestamp.from(notBefore), reason.name(),
					Timestamp.from(clock.instant()))
			.update();
	}

	/** Decisions after the cursor (0: from the beginning), oldest first, at most {@code limit}. */
	public Feed after(long cursor, int limit) {
		List<Row> rows = jdbc
			.sql("SELECT seq, member_id, not_before, client_id FROM member_revocation WHERE seq > ? ORDER BY seq "
					+ "LIMIT ?")
			.params(cursor, limit)
			.query((rs, n) -> new Row(rs.getLong(1), UUID.fromString(rs.getString(2)),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.list();
		long next = rows.isEmpty() ? cursor : rows.get(rows.size() - 1).seq();
		return new Feed(rows.stream().map(row -> new Item(row.memberId(), row.notBefore(), row.clientId())).toList(),
				next, rows.size() == limit);
	}

	private record Row(long seq, UUID memberId, Instant notBefore, String clientId) {
	}

	/**
	 * {@code notBefore} null: every token is refused; {@code clientId} null: the member's tokens (all of them, their
	 * clients' too), else only that partner client's tokens.
	 */
	public record Item(UUID memberId, Instant notBefore, String clientId) {
	}

	/** A page of the feed; ask again with {@code cursor}; {@code more}: a full page, there may be more at once. */
	public record Feed(List<Item> items, long cursor, boolean more) {
	}
}
