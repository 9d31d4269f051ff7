package dev.hitter.community.member;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Everything the community holds of a member, as one JSON document for their "download my data" archive: their
 * posts (with the analysis snapshot they embedded, and their moderation state), comments and replies, likes, and the
 * reports they filed. Posts and comments are read in pages by (created_at, id), so a prolific member's bodies never
 * sit in memory all at once.
 */
@Service
public class MemberDataExport {

	private static final int PAGE = 200;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	MemberDataExport(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void write(UUID member, OutputStream out) {
		String id = member.toString();
		try (JsonGenerator generator = json.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeStringProperty("service", "community-service");
			generator.writeStringProperty("memberId", id);
			generator.writeStringProperty("exportedAt", Instant.now().toString());
			generator.writeArrayPropertyStart("posts");
			pages("select id, title, body, category, state, prediction_id, analysis, views, likes, comments, created_at,"
					+ " edited_at from posts where author_id = :me", id, rs -> {
						generator.writeStringProperty("title", rs.getString("title"));
						generator.writeStringProperty("body", rs.getString("body"));
						generator.writeStringProperty("category", rs.getString("category"));
						generator.writeStringProperty("state", rs.getString("state"));
						generator.writeNumberProperty("views", rs.getLong("views"));
						generator.writeNumberProperty("likes", rs.getInt("likes"));
						generator.writeNumberProperty("comments", rs.getInt("comments"));
						generator.writeStringProperty("editedAt", instant(rs.getTimestamp("edited_at")));
						generator.writeStringProperty("sharedAnalysisId", rs.getString("prediction_id"));
						String analysis = rs.getString("analysis");
						generator.writeName("sharedAnalysis");
						if (analysis == null) {
							generator.writeNull();
						}
						else {
							// The snapshot as this service stored it (JSON it wrote itself).
							generator.writeRawValue(analysis);
						}
					}, generator);
			generator.writeEndArray();
			generator.writeArrayPropertyStart("comments");
			pages("select id, post_id, parent_id, body, deleted, state, likes, created_at, edited_at from comments"
					+ " where author_id = :me", id, rs -> {
						generator.writeStringProperty("postId", rs.getString("post_id"));
						generator.writeStringProperty("parentId", rs.getString("parent_id"));
						generator.writeStringProperty("body", rs.getString("body"));
						generator.writeBooleanProperty("deleted", rs.getBoolean("deleted"));
						generator.writeStringProperty("state", rs.getString("state"));
						generator.writeNumberProperty("likes", rs.getInt("likes"));
						generator.writeStringProperty("editedAt", instant(rs.getTimestamp("edited_at")));
					}, generator);
			generator.writeEndArray();
			generator.writeArrayPropertyStart("likedPosts");
			ids("select post_id from post_likes where member_id = :me", id, generator);
			generator.writeEndArray();
			generator.writeArrayPropertyStart("likedComments");
			ids("select comment_id from comment_likes where member_id = :me", id, generator);
			generator.writeEndArray();
			generator.writeArrayPropertyStart("reports");
			jdbc.sql("select target_type, target_id, reason, state, created_at from reports where reporter_id = :me"
					+ " order by created_at").param("me", id).query(rs -> {
						generator.writeStartObject();
						generator.writeStringProperty("targetType", rs.getString("target_type"));
						generator.writeStringProperty("targetId", rs.getString("target_id"));
						generator.writeStringProperty("reason", rs.getString("reason"));
						generator.writeStringProperty("state", rs.getString("state"));
						generator.writeStringProperty("createdAt", instant(rs.getTimestamp("created_at")));
						generator.writeEndObject();
					});
			generator.writeEndArray();
			generator.writeEndObject();
		}
	}

	@FunctionalInterface
	private interface Fields {

		void write(ResultSet row) throws SQLException;
	}

	/** Rows of the member, oldest first, a page at a time by (created_at, id); each an object with id and createdAt. */
	private void pages(String select, String member, Fields fields, JsonGenerator generator) {
		Timestamp[] lastAt = { null };
		String[] lastId = { null };
		while (true) {
			var statement = jdbc.sql(select
					+ (lastAt[0] == null ? "" : " and (created_at > :at or (created_at = :at and id > :id))")
					+ " order by created_at, id limit " + PAGE)
				.param("me", member);
			if (lastAt[0] != null) {
				statement = statement.param("at", lastAt[0]).param("id", lastId[0]);
			}
			int[] seen = { 0 };
			statement.query(rs -> {
				generator.writeStartObject();
				generator.writeStringProperty("id", rs.getString("id"));
				generator.writeStringProperty("createdAt", instant(rs.getTimestamp("created_at")));
				fields.write(rs);
				generator.writeEndObject();
				lastAt[0] = rs.getTimestamp("created_at");
				lastId[0] = rs.getString("id");
				seen[0]++;
			});
			if (seen[0] < PAGE) {
				return;
			}
		}
	}

	private void ids(String select, String member, JsonGenerator generator) {
		jdbc.sql(select).param("me", member).query(rs -> {
			generator.writeString(rs.getString(1));
		});
	}

	private static String instant(Timestamp at) {
		return at == null ? null : at.toInstant().toString();
	}
}
