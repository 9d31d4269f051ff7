package dev.hitter.community.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hitter.community.WrittenText;
import dev.hitter.community.audit.ModerationAudit;
import dev.hitter.community.comment.Comments;
import dev.hitter.community.member.AuthorName;
import dev.hitter.community.paging.Cursor;
import dev.hitter.community.paging.CursorPage;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;

/**
 * Reports by members and decisions by administrators. Hidden and removed posts and comments vanish from lists,
 * search and threads at once (every query asks for {@code state = 'VISIBLE'}). A leaderboard entry lives in
 * prediction-service: its reports are queued here, and the web app moderates the entry itself through
 * prediction-service's moderation endpoint; the decision here resolves the reports.
 */
@Service
public class Moderation {

	private static final String CURSOR = "reports";

	private final JdbcClient jdbc;

	private final Comments comments;

	private final Clock clock;

	private final ModerationAudit audit;

	Moderation(JdbcClient jdbc, Comments comments, Clock clock, ModerationAudit audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.comments = comments;
		this.clock = clock;
	}

	@Transactional
	public Report report(Member member, ReportForms.NewReport form) {
		UUID target = form.targetId();
		switch (form.targetType()) {
			case "POST" -> requireVisible("select 1 from posts where id = :id and state = 'VISIBLE'", target, "post");
			case "COMMENT" -> requireVisible("select 1 from comments c join posts p on p.id = c.post_id where c.id = :id"
					+ " and c.state = 'VISIBLE' and c.deleted = false and p.state = 'VISIBLE'", target, "comment");
			default -> {
				// A leaderboard entry is prediction-service's; an unknown id only queues a report nobody can act on.
			}
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into reports (id, target_type, target_id, reason, reporter_id, reporter_name, created_at)
				values (:id, :type, :target, :reason, :reporter, :name, :at)""")
			.param("id", id.toString())
			.param("type", form.targetType())
			.param("target", target.toString())
			.param("reason", WrittenText.body(form.reason()))
			.param("reporter", member.id().toString())
			.param("name", AuthorName.of(member))
			.param("at", Timestamp.from(now()))
			.update();
		return select(null, null, id, 1).items().get(0);
	}

	/** The reports, newest first; administrators only. */
	@Transactional(readOnly = true)
	public CursorPage<Report> queue(Member member, String state, String cursor, int size) {
		requireAdministrator(member);
		if (state != null && !state.equals("OPEN") && !state.equals("RESOLVED")) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "state", "must be OPEN or RESOLVED");
		}
		Cursor after = Cursor.decode(cursor, CURSOR, 2);
		return select(state, after, null, size);
	}

	private CursorPage<Report> select(String state, Cursor after, UUID only, int size) {
		var statement = jdbc.sql("""
				select r.id, r.target_type, r.target_id, r.reason, r.reporter_name, r.created_at, r.state, r.action,
				       coalesce(p.title, c.body) as preview, coalesce(p.id, c.post_id) as post_id
				from reports r
				left join posts p on r.target_type = 'POST' and p.id = r.target_id
				left join comments c on r.target_type = 'COMMENT' and c.id = r.target_id
				where 1 = 1""" + (state != null ? " and r.state = :state" : "")
				+ (only != null ? " and r.id = :only" : "")
				+ (after != null ? " and (r.created_at < :at or (r.created_at = :at and r.id < :id))" : "")
				+ " order by r.created_at desc, r.id desc limit :limit")
			.param("limit", size + 1);
		if (state != null) {
			statement = statement.param("state", state);
		}
		if (only != null) {
			statement = statement.param("only", only.toString());
		}
		if (after != null) {
			statement = statement.param("at", Timestamp.from(after.instantAt(0))).param("id", after.uuidAt(1).toString());
		}
		List<Report> rows = statement.query((rs, n) -> {
			String preview = rs.getString("preview");
			String post = rs.getString("post_id");
			return new Report(UUID.fromString(rs.getString("id")), rs.getString("target_type"),
					UUID.fromString(rs.getString("target_id")), rs.getString("reason"), rs.getString("reporter_name"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("state"), rs.getString("action"),
					preview == null || preview.isEmpty() ? null : WrittenText.excerpt(preview, 120),
					post == null ? null : UUID.fromString(post));
		}).list();
		return CursorPage.of(rows, size, r -> r, r -> Cursor.of(CURSOR, r.createdAt(), r.id()));
	}

	/** An administrator's decision on a post, comment or leaderboard entry; resolves its open reports. */
	@Transactional
	public void decide(Member member, String targetType, UUID target, ReportForms.Decision decision) {
		requireAdministrator(member);
		String action = decision.action();
		UUID author = switch (targetType) {
			case "POST" -> moderatePost(target, action);
			case "COMMENT" -> moderateComment(target, action);
			case "LEADERBOARD_ENTRY" -> {
				// prediction-service holds the entry (and records its moderation); here only its reports are resolved.
				yield null;
			}
			default -> throw ApiException.forField(ProblemType.VALIDATION_FAILED, "targetType",
					"must be POST, COMMENT or LEADERBOARD_ENTRY");
		};
		jdbc.sql("""
				update reports set state = 'RESOLVED', action = :action, note = :note, resolved_at = :at, resolved_by = :by
				where target_type = :type and target_id = :target and state = 'OPEN'""")
			.param("action", action)
			.param("note", decision.note() == null ? null : WrittenText.body(decision.note()))
			.param("at", Timestamp.from(now()))
			.param("by", member.id().toString())
			.param("type", targetType)
			.param("target", target.toString())
			.update();
		// In the decision's transaction: the audit log hears of it exactly when it happened.
		audit.record("MODERATION_" + targetType + "_" + action, author, member.id(),
				targetType.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + target
						+ (decision.note() == null || decision.note().isBlank() ? "" : ": " + decision.note().strip()));
	}

	/** @return the post's author */
	private UUID moderatePost(UUID post, String action) {
		String[] found = jdbc.sql("select state, author_id from posts where id = :id")
			.param("id", post.toString())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional()
			.orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "There is no post " + post + "."));
		String state = found[0];
		String next = nextState(state, action);
		jdbc.sql("update posts set state = :state where id = :id")
			.param("state", next)
			.param("id", post.toString())
			.update();
		return UUID.fromString(found[1]);
	}

	/** @return the comment's author */
	private UUID moderateComment(UUID comment, String action) {
		var found = jdbc.sql("select post_id, state, deleted, author_id from comments where id = :id")
			.param("id", comment.toString())
			.query((rs, n) -> new Object[] { UUID.fromString(rs.getString(1)), rs.getString(2), rs.getBoolean(3),
					UUID.fromString(rs.getString(4)) })
			.optional()
			.orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "There is no comment " + comment + "."));
		String state = (String) found[1];
		String next = nextState(state, action);
		jdbc.sql("update comments set state = :state where id = :id")
			.param("state", next)
			.param("id", comment.toString())
			.update();
		boolean counted = state.equals("VISIBLE") && !(Boolean) found[2];
		boolean countsNow = next.equals("VISIBLE") && !(Boolean) found[2];
		if (counted != countsNow) {
			comments.addToCount((UUID) found[0], countsNow ? 1 : -1);
		}
		return (UUID) found[3];
	}

	/** REMOVED is final: nothing brings removed content back. */
	private static String nextState(String state, String action) {
		if (state.equals("REMOVED")) {
			return state;
		}
		return switch (action) {
			case "HIDE" -> "HIDDEN";
			case "REMOVE" -> "REMOVED";
			case "RESTORE" -> "VISIBLE";
			default -> state;
		};
	}

	private void requireVisible(String sql, UUID id, String what) {
		jdbc.sql(sql)
			.param("id", id.toString())
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> ApiException.forField(ProblemType.NOT_FOUND, "targetId", "is no " + what + " you can see"));
	}

	static void requireAdministrator(Member member) {
		if (!member.isAdmin()) {
			// 403 before any lookup: a member learns nothing about the queue or the target.
			throw new ApiException(ProblemType.FORBIDDEN, "Only administrators moderate the community.");
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
