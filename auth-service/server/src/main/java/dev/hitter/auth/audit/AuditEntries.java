package dev.hitter.auth.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit log for administrators: newest first, a page at a time by keyset (the row's sequence number). */
@Service
public class AuditEntries {

	private final JdbcClient jdbc;

	AuditEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param memberId only this member's events, or all when null
	 * @param kind only this kind, or all when null
	 * @param before only events older than this cursor (a {@link AuditPage#nextCursor()}), or the newest when null
	 */
	public AuditPage list(UUID memberId, String kind, Long before, int limit) {
		StringBuilder sql = new StringBuilder("SELECT seq, id, occurred_at, kind, source, member_id, actor_id, "
				+ "client_address, user_agent, detail FROM audit_event WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (memberId != null) {
			sql.append(" AND member_id = ?");
			params.add(memberId.toString());
		}
		if (kind != null) {
			sql.append(" AND kind = ?");
			params.add(kind);
		}
		if (before != null) {
			sql.append(" AND seq < ?");
			params.add(before);
		}
		sql.append(" ORDER BY seq DESC LIMIT ?");
		// One more than asked tells whether there is a next page.
		params.add(limit + 1);
		List<Row> rows = jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Row(rs.getLong("seq"),
					new AuditEntry(UUID.fromString(rs.getString("id")), instant(rs.getTimestamp("occurred_at")),
							rs.getString("kind"), rs.getString("source"), uuid(rs.getString("member_id")),
							uuid(rs.getString("actor_id")), rs.getString("client_address"),
							rs.getString("user_agent"), rs.getString("detail"))))
			.list();
		boolean more = rows.size() > limit;
		List<Row> page = more ? rows.subList(0, limit) : rows;
		return new AuditPage(page.stream().map(Row::entry).toList(),
				more ? String.valueOf(page.get(page.size() - 1).seq()) : null);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}

	private static UUID uuid(String value) {
		return value == null ? null : UUID.fromString(value);
	}

	private record Row(long seq, AuditEntry entry) {
	}

	/** One event as administrators see it. */
	public record AuditEntry(UUID id, Instant occurredAt, String kind, String source, UUID memberId, UUID actorId,
			String clientAddress, String userAgent, String detail) {
	}

	/** A page of events and the cursor of the next (older) one, null at the end. */
	public record AuditPage(List<AuditEntry> items, String nextCursor) {
	}
}
