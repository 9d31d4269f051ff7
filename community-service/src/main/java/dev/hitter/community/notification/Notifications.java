package dev.hitter.community.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hitter.community.paging.Cursor;
import dev.hitter.community.paging.CursorPage;
import dev.hitter.kit.security.Member;

/** The in-app notifications: written in the transaction of what caused them, read and marked by their recipient. */
@Service
public class Notifications {

	private static final String KIND = "notifications";

	private final JdbcClient jdbc;

	private final Clock clock;

	Notifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Tells {@code recipient} what {@code actor} did; nobody is told of what they did themselves. */
	public void tell(UUID recipient, NotificationKind kind, Member actor, UUID postId, UUID commentId) {
		if (recipient.equals(actor.id())) {
			return;
		}
		jdbc.sql("""
				insert into notifications (id, recipient_id, kind, actor_id, actor_name, post_id, comment_id, created_at)
				values (:id, :recipient, :kind, :actor, :name, :post, :comment, :at)""")
			.param("id", UUID.randomUUID().toString())
			.param("recipient", recipient.toString())
			.param("kind", kind.name())
			.param("actor", actor.id().toString())
			.param("name", dev.hitter.community.member.AuthorName.of(actor))
			.param("post", postId == null ? null : postId.toString())
			.param("comment", commentId == null ? null : commentId.toString())
			.param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.update();
	}

	/**
	 * Stores a notification another service raised, under that service's message id: a repeated delivery hits the
	 * primary key and changes nothing. Nobody is told of what they did themselves.
	 */
	public void raise(UUID id, UUID recipient, NotificationKind kind, UUID actor, String actorName, UUID predictionId) {
		if (recipient.equals(actor)) {
			return;
		}
		try {
			jdbc.sql("""
					insert into notifications (id, recipient_id, kind, actor_id, actor_name, prediction_id, created_at)
					values (:id, :recipient, :kind, :actor, :name, :prediction, :at)""")
				.param("id", id.toString())
				.param("recipient", recipient.toString())
				.param("kind", kind.name())
				.param("actor", actor.toString())
				.param("name", actorName)
				.param("prediction", predictionId.toString())
				.param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
				.update();
		}
		catch (DuplicateKeyException delivered) {
			// Delivered before: at-least-once delivery made exactly-once here.
		}
	}

	@Transactional(readOnly = true)
	public CursorPage<Notification> page(Member member, String cursor, int size) {
		Cursor after = Cursor.decode(cursor, KIND, 2);
		var statement = jdbc.sql("select id, kind, actor_name, post_id, comment_id, prediction_id, created_at, read_at"
				+ " from notifications where recipient_id = :me"
				+ (after != null ? " and (created_at < :at or (created_at = :at and id < :id))" : "")
				+ " order by created_at desc, id desc limit :limit")
			.param("me", member.id().toString())
			.param("limit", size + 1);
		if (after != null) {
			statement = statement.param("at", Timestamp.from(after.instantAt(0))).param("id", after.uuidAt(1).toString());
		}
		List<Notification> rows = statement.query((rs, n) -> new Notification(UUID.fromString(rs.getString("id")),
				NotificationKind.valueOf(rs.getString("kind")), rs.getString("actor_name"), uuid(rs.getString("post_id")),
				uuid(rs.getString("comment_id")), uuid(rs.getString("prediction_id")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null))
			.list();
		return CursorPage.of(rows, size, n -> n, n -> Cursor.of(KIND, n.createdAt(), n.id()));
	}

	@Transactional(readOnly = true)
	public long unread(Member member) {
		return jdbc.sql("select count(*) from notifications where recipient_id = :me and read_at is null")
			.param("me", member.id().toString())
			.query(Long.class)
			.single();
	}

	/** Marks the given notifications of the member read, or all of them when {@code ids} is null. */
	@Transactional
	public void markRead(Member member, List<UUID> ids) {
		Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
		if (ids == null) {
			jdbc.sql("update notifications set read_at = :now where recipient_id = :me and read_at is null")
				.param("now", now)
				.param("me", member.id().toString())
				.update();
			return;
		}
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("update notifications set read_at = :now where recipient_id = :me and read_at is null and id in (:ids)")
			.param("now", now)
			.param("me", member.id().toString())
			.param("ids", ids.stream().map(UUID::toString).toList())
			.update();
	}

	private static UUID uuid(String value) {
		return value == null ? null : UUID.fromString(value);
	}
}
