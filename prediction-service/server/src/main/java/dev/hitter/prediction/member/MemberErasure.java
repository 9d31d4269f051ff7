package dev.hitter.prediction.member;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes everything prediction-service holds of a member whose account is deleted: analyses with their
 * spectrograms, published audio and lyrics and the likes they received (foreign-key cascades), batch jobs with their
 * items and staged audio, the member's likes of other analyses, and their fair-share and quota rows. Idempotent: a
 * second erasure finds nothing and answers the same.
 *
 * <p>The order is what makes a racing write safe (see {@link ErasedMembers}): the tombstone first, so every later
 * write is refused; then the member's submission row, which waits for a submission being stored; then the jobs,
 * which waits for a worker that is recording one of their items (its analysis is
 * then deleted below, and a worker that comes after finds its item gone and records nothing); the analyses last, by
 * a locking read that sees every row committed before it.
 */
@Service
public class MemberErasure {

	private static final Logger log = LoggerFactory.getLogger(MemberErasure.class);

	/** What one erasure deleted (zero everywhere when it had been done before). */
	public record Erased(int analyses, int jobs, int likes) {
	}

	private final JdbcClient jdbc;

	MemberErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Erased erase(UUID member) {
		String id = member.toString();
		jdbc.sql("INSERT INTO erased_member (member_id, erased_at) VALUES (?, ?) ON DUPLICATE KEY UPDATE member_id = member_id")
			.params(id, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
			.update();
		// Before the jobs: a submission under way holds this row (JobStore.lockUsageOf), so this waits for it.
		jdbc.sql("DELETE FROM prediction_job_member WHERE member_id = ?").param(id).update();
		jdbc.sql("DELETE FROM publication_quota_lock WHERE member_id = ?").param(id).update();
		// Their partner clients' usage (counts not yet written are refused by the erased_member row above).
		jdbc.sql("DELETE FROM prediction_client_usage WHERE member_id = ?").param(id).update();
		int jobs = jdbc.sql("DELETE FROM prediction_job WHERE member_id = ?").param(id).update();
		// Items normally go with their job; this catches any whose job row is gone.
		jdbc.sql("DELETE FROM prediction_job_item WHERE member_id = ?").param(id).update();
		int likes = jdbc.sql("DELETE FROM prediction_like WHERE member_id = ?").param(id).update();
		// Publications are deleted with their analyses; a row of another's analysis would be a bug, go anyway.
		jdbc.sql("DELETE FROM prediction_publication WHERE member_id = ?").param(id).update();
		int analyses = jdbc.sql("DELETE FROM prediction WHERE member_id = ?").param(id).update();
		Erased erased = new Erased(analyses, jobs, likes);
		log.info("Erased member {}: {} analyses, {} jobs, {} likes", member, analyses, jobs, likes);
		return erased;
	}
}
