package dev.hitter.community.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hitter.community.WrittenText;
import dev.hitter.community.member.AuthorName;
import dev.hitter.community.member.DeletedMember;
import dev.hitter.community.notification.NotificationKind;
import dev.hitter.community.notification.Notifications;
import dev.hitter.community.paging.Cursor;
import dev.hitter.community.paging.CursorPage;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;

/**
 * Comments on visible posts, with one level of replies, and their likes. A post's {@code comments} counter counts
 * its comments and replies that are neither deleted nor moderated away, kept in the same transaction as each change.
 * Only the author changes or deletes a comment; to anyone else it does not exist (404).
 */
@Service
public class Comments {

	private static final String CURSOR = "comments";

	private static final String COLUMNS = "c.id, c.post_id, c.parent_id, c.author_id, c.author_name, c.body, "
			+ "c.created_at, c.edited_at, c.deleted, c.likes, "
			+ "exists(select 1 from comment_likes l where l.comment_id = c.id and l.member_id = :me) as liked";

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Clock clock;

	Comments(JdbcClient jdbc, Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Top comments oldest first, each with its replies (deleted ones kept only while replies hang on them). */
	@Transactional(readOnly = true)
	public CursorPage<Comment> page(Member member, UUID postId, String cursor, int size) {
		requireVisiblePost(postId);
		Cursor after = Cursor.decode(cursor, CURSOR, 2);
		var statement = jdbc.sql("select " + COLUMNS + " from comments c where c.post_id = :post and c.parent_id is null"
				+ " and c.state = 'VISIBLE' and (c.deleted = false or exists(select 1 from comments r where"
				+ " r.parent_id = c.id and r.deleted = false and r.state = 'VISIBLE'))"
				+ (after != null ? " and (c.created_at > :at or (c.created_at = :at and c.id > :id))" : "")
				+ " order by c.created_at, c.id limit :limit")
			.param("me", member.id().toString())
			.param("post", postId.toString())
			.param("limit", size + 1);
		if (after != null) {
			statement = statement.param("at", Timestamp.from(after.instantAt(0))).param("id", after.uuidAt(1).toString());
		}
		List<Comment> tops = statement.query((rs, n) -> comment(rs, member)).list();
		CursorPage<Comment> page = CursorPage.of(tops, size, c -> c, c -> Cursor.of(CURSOR, c.createdAt(), c.id()));
		if (page.items().isEmpty()) {
			return page;
		}
		Map<UUID, List<Comment>> replies = new LinkedHashMap<>();
		page.items().forEach(top -> replies.put(top.id(), new ArrayList<>()));
		jdbc.sql("select " + COLUMNS + " from comments c where c.post_id = :post and c.parent_id in (:parents)"
				+ " and c.state = 'VISIBLE' and c.deleted = false order by c.created_at, c.id")
			.param("me", member.id().toString())
			.param("post", postId.toString())
			.param("parents", replies.keySet().stream().map(UUID::toString).toList())
			.query((rs, n) -> comment(rs, member))
			.list()
			.forEach(reply -> replies.get(reply.parentId()).add(reply));
		return new CursorPage<>(page.items().stream().map(top -> top.withReplies(replies.get(top.id()))).toList(),
				page.nextCursor());
	}

	@Transactional
	public Comment create(Member member, UUID postId, CommentForms.NewComment form) {
		// Locked first: the new row's foreign key check share-locks the post, and counting it needs the row exclusively.
		UUID postAuthor = lockVisiblePost(postId);
		UUID parentAuthor = null;
		if (form.parentId() != null) {
			parentAuthor = jdbc.sql("select author_id from comments where id = :id and post_id = :post"
					+ " and parent_id is null and state = 'VISIBLE' and deleted = false")
				.param("id", form.parentId().toString())
				.param("post", postId.toString())
				.query((rs, n) -> UUID.fromString(rs.getString(1)))
				.optional()
				.orElseThrow(() -> ApiException.forField(ProblemType.VALIDATION_FAILED, "parentId",
						"must be a comment of this post that is not itself a reply"));
		}
		String body = requireText(WrittenText.body(form.body()));
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into comments (id, post_id, parent_id, author_id, author_name, body, created_at)
				values (:id, :post, :parent, :author, :name, :body, :at)""")
			.param("id", id.toString())
			.param("post", postId.toString())
			.param("parent", form.parentId() == null ? null : form.parentId().toString())
			.param("author", member.id().toString())
			.param("name", AuthorName.of(member))
			.param("body", body)
			.param("at", Timestamp.from(now()))
			.update();
		addToCount(postId, 1);
		if (parentAuthor != null) {
			notifications.tell(parentAuthor, NotificationKind.REPLY, member, postId, id);
		}
		if (!postAuthor.equals(parentAuthor)) {
			notifications.tell(postAuthor, NotificationKind.COMMENT, member, postId, id);
		}
		return find(member, id).orElseThrow();
	}

	@Transactional
	public Comment change(Member member, UUID id, CommentForms.CommentChanges changes) {
		own(member, id);
		jdbc.sql("update comments set body = :body, edited_at = :at where id = :id")
			.param("body", requireText(WrittenText.body(changes.body())))
			.param("at", Timestamp.from(now()))
			.param("id", id.toString())
			.update();
		return find(member, id).orElseThrow();
	}

	/** Deletes the comment: its body goes at once; the row stays, marked deleted, for the replies under it. */
	@Transactional
	public void delete(Member member, UUID id) {
		UUID post = own(member, id);
		jdbc.sql("update comments set deleted = true, body = '' where id = :id").param("id", id.toString()).update();
		addToCount(post, -1);
	}

	@Transactional
	public void like(Member member, UUID id) {
		lockVisibleComment(id);
		int added = jdbc.sql("insert ignore into comment_likes (comment_id, member_id, created_at) values (:c, :m, :at)")
			.param("c", id.toString())
			.param("m", member.id().toString())
			.param("at", Timestamp.from(now()))
			.update();
		if (added == 1) {
			jdbc.sql("update comments set likes = likes + 1 where id = :c").param("c", id.toString()).update();
		}
	}

	@Transactional
	public void unlike(Member member, UUID id) {
		lockVisibleComment(id);
		int removed = jdbc.sql("delete from comment_likes where comment_id = :c and member_id = :m")
			.param("c", id.toString())
			.param("m", member.id().toString())
			.update();
		if (removed == 1) {
			jdbc.sql("update comments set likes = likes - 1 where id = :c").param("c", id.toString()).update();
		}
	}

	/** Moves a post's comment counter; moderation uses it when it hides or restores a comment. */
	public void addToCount(UUID postId, int delta) {
		jdbc.sql("update posts set comments = comments + :delta where id = :post")
			.param("delta", delta)
			.param("post", postId.toString())
			.update();
	}

	private Optional<Comment> find(Member member, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from comments c where c.id = :id")
			.param("me", member.id().toString())
			.param("id", id.toString())
			.query((rs, n) -> comment(rs, member))
			.optional();
	}

	/** The post of the member's own live comment on a visible post. */
	private UUID own(Member member, UUID id) {
		return jdbc.sql("select c.post_id from comments c join posts p on p.id = c.post_id where c.id = :id"
				+ " and c.author_id = :me and c.deleted = false and c.state = 'VISIBLE' and p.state = 'VISIBLE'")
			.param("id", id.toString())
			.param("me", member.id().toString())
			.query((rs, n) -> UUID.fromString(rs.getString(1)))
			.optional()
			.orElseThrow(() -> notFound(id));
	}

	/**
	 * Locks a live comment's row first, for the reason {@code PostStore.lockVisible} gives (plain FOR UPDATE on one
	 * table: MariaDB has no FOR UPDATE OF).
	 */
	private void lockVisibleComment(UUID id) {
		UUID post = jdbc.sql("select post_id from comments where id = :id and deleted = false and state = 'VISIBLE'"
				+ " for update")
			.param("id", id.toString())
			.query((rs, n) -> UUID.fromString(rs.getString(1)))
			.optional()
			.orElseThrow(() -> notFound(id));
		jdbc.sql("select 1 from posts where id = :id and state = 'VISIBLE'")
			.param("id", post.toString())
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> notFound(id));
	}

	private UUID requireVisiblePost(UUID postId) {
		return visiblePost(postId, "");
	}

	private UUID lockVisiblePost(UUID postId) {
		return visiblePost(postId, " for update");
	}

	private UUID visiblePost(UUID postId, String lock) {
		return jdbc.sql("select author_id from posts where id = :id and state = 'VISIBLE'" + lock)
			.param("id", postId.toString())
			.query((rs, n) -> UUID.fromString(rs.getString(1)))
			.optional()
			.orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "There is no post " + postId + "."));
	}

	private static String requireText(String body) {
		if (body.isEmpty()) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "body", "must not be blank");
		}
		return body;
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static ApiException notFound(UUID id) {
		return new ApiException(ProblemType.NOT_FOUND, "There is no comment " + id + ".");
	}

	private static Comment comment(ResultSet rs, Member member) throws SQLException {
		UUID author = UUID.fromString(rs.getString("author_id"));
		String parent = rs.getString("parent_id");
		Timestamp edited = rs.getTimestamp("edited_at");
		return new Comment(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("post_id")),
				parent == null ? null : UUID.fromString(parent), author, rs.getString("author_name"),
				DeletedMember.ID.equals(author), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
				edited == null ? null : edited.toInstant(), rs.getBoolean("deleted"), rs.getInt("likes"),
				rs.getBoolean("liked"), author.equals(member.id()), null);
	}
}
