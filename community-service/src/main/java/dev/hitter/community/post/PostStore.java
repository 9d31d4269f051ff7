package dev.hitter.community.post;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.hitter.community.paging.Cursor;

/** The posts table and its likes; plain SQL that MySQL 8 and MariaDB both run. */
@Repository
class PostStore {

	private static final String LIST_COLUMNS = "p.id, p.author_id, p.author_name, p.category, p.title, p.excerpt, "
			+ "null as body, p.prediction_id, null as analysis, p.state, p.views, p.likes, p.comments, p.created_at, "
			+ "p.edited_at, exists(select 1 from post_likes l where l.post_id = p.id and l.member_id = :me) as liked";

	private static final String FULL_COLUMNS = "p.id, p.author_id, p.author_name, p.category, p.title, p.excerpt, "
			+ "p.body, p.prediction_id, p.analysis, p.state, p.views, p.likes, p.comments, p.created_at, "
			+ "p.edited_at, exists(select 1 from post_likes l where l.post_id = p.id and l.member_id = :me) as liked";

	private final JdbcClient jdbc;

	PostStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record NewRow(UUID id, UUID authorId, String authorName, Category category, String title, String body,
			String excerpt, String searchText, UUID predictionId, String analysisJson, Instant createdAt) {
	}

	void insert(NewRow post) {
		jdbc.sql("""
				insert into posts (id, author_id, author_name, category, title, body, excerpt, search_text,
				                   prediction_id, analysis, created_at)
				values (:id, :author, :name, :category, :title, :body, :excerpt, :search, :prediction, :analysis,
				        :created)""")
			.param("id", post.id().toString())
			.param("author", post.authorId().toString())
			.param("name", post.authorName())
			.param("category", post.category().name())
			.param("title", post.title())
			.param("body", post.body())
			.param("excerpt", post.excerpt())
			.param("search", post.searchText())
			.param("prediction", post.predictionId() == null ? null : post.predictionId().toString())
			.param("analysis", post.analysisJson())
			.param("created", Timestamp.from(post.createdAt()))
			.update();
	}

	Optional<PostRow> find(UUID id, UUID me) {
		return jdbc.sql("select " + FULL_COLUMNS + " from posts p where p.id = :id")
			.param("id", id.toString())
			.param("me", me.toString())
			.query(PostStore::row)
			.optional();
	}

	/**
	 * A visible post's author, its row locked until the transaction ends. Liking locks the post first: inserting a like
	 * takes a shared lock on the post (the foreign key check) and counting it an exclusive one, so two likes that did
	 * not lock first deadlocked each other (ConcurrentLikesTest found it).
	 */
	Optional<UUID> lockVisible(UUID id) {
		return jdbc.sql("select author_id from posts where id = :id and state = 'VISIBLE' for update")
			.param("id", id.toString())
			.query((rs, n) -> UUID.fromString(rs.getString(1)))
			.optional();
	}

	void update(UUID id, Category category, String title, String body, String excerpt, String searchText,
			Instant editedAt) {
		jdbc.sql("""
				update posts set category = :category, title = :title, body = :body, excerpt = :excerpt,
				                 search_text = :search, edited_at = :edited
				where id = :id""")
			.param("id", id.toString())
			.param("category", category.name())
			.param("title", title)
			.param("body", body)
			.param("excerpt", excerpt)
			.param("search", searchText)
			.param("edited", Timestamp.from(editedAt))
			.update();
	}

	/** Deletes the post; its comments and likes go with it (foreign keys), and what told anyone of it. */
	void delete(UUID id) {
		jdbc.sql("delete from notifications where post_id = :id").param("id", id.toString()).update();
		jdbc.sql("delete from posts where id = :id").param("id", id.toString()).update();
	}

	void setState(UUID id, ContentState state) {
		jdbc.sql("update posts set state = :state where id = :id")
			.param("id", id.toString())
			.param("state", state.name())
			.update();
	}

	/** Adds the like unless the member already likes the post; answers whether a like was added. */
	boolean like(UUID post, UUID member, Instant at) {
		// INSERT IGNORE: MySQL and MariaDB both skip the duplicate key of a second like without an error.
		int added = jdbc.sql("insert ignore into post_likes (post_id, member_id, created_at) values (:post, :member, :at)")
			.param("post", post.toString())
			.param("member", member.toString())
			.param("at", Timestamp.from(at))
			.update();
		if (added == 1) {
			jdbc.sql("update posts set likes = likes + 1 where id = :post").param("post", post.toString()).update();
		}
		return added == 1;
	}

	boolean unlike(UUID post, UUID member) {
		int removed = jdbc.sql("delete from post_likes where post_id = :post and member_id = :member")
			.param("post", post.toString())
			.param("member", member.toString())
			.update();
		if (removed == 1) {
			jdbc.sql("update posts set likes = likes - 1 where id = :post").param("post", post.toString()).update();
		}
		return removed == 1;
	}

	void addComments(UUID post, int delta) {
		jdbc.sql("update posts set comments = comments + :delta where id = :post")
			.param("post", post.toString())
			.param("delta", delta)
			.update();
	}

	/** One page of visible posts in the given order, one row more than asked (to know whether more follow). */
	List<PostRow> page(UUID me, Category category, UUID author, PostSort sort, Cursor after, int size) {
		List<String> where = new ArrayList<>();
		where.add("p.state = 'VISIBLE'");
		if (category != null) {
			where.add("p.category = :category");
		}
		if (author != null) {
			where.add("p.author_id = :author");
		}
		if (after != null) {
			String newer = "(p.created_at < :at or (p.created_at = :at and p.id < :id))";
			where.add(sort.column == null ? newer
					: "(p." + sort.column + " < :count or (p." + sort.column + " = :count and " + newer + "))");
		}
		String order = (sort.column == null ? "" : "p." + sort.column + " desc, ") + "p.created_at desc, p.id desc";
		var statement = jdbc.sql("select " + LIST_COLUMNS + " from posts p where " + String.join(" and ", where)
				+ " order by " + order + " limit :limit")
			.param("me", me.toString())
			.param("limit", size + 1);
		if (category != null) {
			statement = statement.param("category", category.name());
		}
		if (author != null) {
			statement = statement.param("author", author.toString());
		}
		if (after != null) {
			int at = sort.column == null ? 0 : 1;
			statement = statement.param("at", Timestamp.from(after.instantAt(at)))
				.param("id", after.uuidAt(at + 1).toString());
			if (sort.column != null) {
				statement = statement.param("count", after.longAt(0));
			}
		}
		return statement.query(PostStore::row).list();
	}

	/** One page of visible posts whose search text matches the boolean query, newest first. */
	List<PostRow> search(UUID me, String booleanQuery, Category category, Cursor after, int size) {
		String sql = "select " + FULL_COLUMNS + " from posts p where p.state = 'VISIBLE'"
				+ " and match(p.search_text) against (:query in boolean mode)"
				+ (category != null ? " and p.category = :category" : "")
				+ (after != null ? " and (p.created_at < :at or (p.created_at = :at and p.id < :id))" : "")
				+ " order by p.created_at desc, p.id desc limit :limit";
		var statement = jdbc.sql(sql).param("me", me.toString()).param("query", booleanQuery).param("limit", size + 1);
		if (category != null) {
			statement = statement.param("category", category.name());
		}
		if (after != null) {
			statement = statement.param("at", Timestamp.from(after.instantAt(0)))
				.param("id", after.uuidAt(1).toString());
		}
		return statement.query(PostStore::row).list();
	}

	static Cursor cursorOf(PostRow row, PostSort sort) {
		return switch (sort) {
			case NEWEST -> Cursor.of(sort.cursorKind(), row.createdAt(), row.id());
			case LIKES -> Cursor.of(sort.cursorKind(), row.likes(), row.createdAt(), row.id());
			case COMMENTS -> Cursor.of(sort.cursorKind(), row.comments(), row.createdAt(), row.id());
		};
	}

	private static PostRow row(ResultSet rs, int n) throws SQLException {
		String prediction = rs.getString("prediction_id");
		Timestamp edited = rs.getTimestamp("edited_at");
		return new PostRow(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("author_id")),
				rs.getString("author_name"), Category.valueOf(rs.getString("category")), rs.getString("title"),
				rs.getString("excerpt"), rs.getString("body"), prediction == null ? null : UUID.fromString(prediction),
				rs.getString("analysis"), ContentState.valueOf(rs.getString("state")), rs.getLong("views"),
				rs.getInt("likes"), rs.getInt("comments"), rs.getBoolean("liked"),
				rs.getTimestamp("created_at").toInstant(), edited == null ? null : edited.toInstant());
	}
}
