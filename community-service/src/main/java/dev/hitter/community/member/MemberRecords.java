package dev.hitter.community.member;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the copies of members' names right: when a member renames, every name copy follows; when a member deletes
 * their account, what they wrote stays for the threads it belongs to, but under {@link DeletedMember#ID} and no name,
 * and what was only theirs (likes, notifications) goes.
 */
@Service
public class MemberRecords {

	private final JdbcClient jdbc;

	MemberRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Answers how many rows carried the old name. */
	@Transactional
	public int renamed(UUID member, String displayName) {
		String id = member.toString();
		int rows = 0;
		rows += jdbc.sql("update posts set author_name = :name where author_id = :id").param("name", displayName)
			.param("id", id).update();
		rows += jdbc.sql("update comments set author_name = :name where author_id = :id").param("name", displayName)
			.param("id", id).update();
		rows += jdbc.sql("update notifications set actor_name = :name where actor_id = :id").param("name", displayName)
			.param("id", id).update();
		rows += jdbc.sql("update reports set reporter_name = :name where reporter_id = :id").param("name", displayName)
			.param("id", id).update();
		return rows;
	}

	/** Anonymises everything the member wrote; running it again changes nothing more. */
	@Transactional
	public void anonymise(UUID member) {
		String id = member.toString();
		String deleted = DeletedMember.ID.toString();
		// Likes go, and the counters with them, so that counts stay the number of likes rows.
		jdbc.sql("update posts p set likes = likes - 1 where exists (select 1 from post_likes l where l.post_id = p.id"
				+ " and l.member_id = :id)").param("id", id).update();
		jdbc.sql("delete from post_likes where member_id = :id").param("id", id).update();
		jdbc.sql("update comments c set likes = likes - 1 where exists (select 1 from comment_likes l where"
				+ " l.comment_id = c.id and l.member_id = :id)").param("id", id).update();
		jdbc.sql("delete from comment_likes where member_id = :id").param("id", id).update();
		jdbc.sql("delete from notifications where recipient_id = :id").param("id", id).update();
		jdbc.sql("update notifications set actor_id = :deleted, actor_name = null where actor_id = :id")
			.param("deleted", deleted).param("id", id).update();
		jdbc.sql("update posts set author_id = :deleted, author_name = null where author_id = :id")
			.param("deleted", deleted).param("id", id).update();
		jdbc.sql("update comments set author_id = :deleted, author_name = null where author_id = :id")
			.param("deleted", deleted).param("id", id).update();
		// Their reports go (a report is what they said, not part of a thread); a moderator's decisions stay, unsigned.
		jdbc.sql("delete from reports where reporter_id = :id").param("id", id).update();
		jdbc.sql("update reports set resolved_by = :deleted where resolved_by = :id")
			.param("deleted", deleted).param("id", id).update();
	}
}
