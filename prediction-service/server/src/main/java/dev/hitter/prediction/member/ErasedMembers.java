package dev.hitter.prediction.member;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/**
 * The guard every write of a member's data passes first: refuses a member whose account was erased.
 *
 * <p>The read takes a share lock on the member's key in {@code erased_member} (a gap lock when there is no row), and
 * {@link MemberErasure} starts by inserting that row. So the two serialise: a write that got there first holds the
 * erasure back until it commits (and is then erased with the rest); a write that comes later waits for the erasure to
 * commit and then sees the row. It must be the <em>first</em> locking statement of its transaction: the erasure holds
 * that row while it deletes, and a write that already held one of the rows it deletes would deadlock with it.
 */
@Component
public class ErasedMembers {

	private final JdbcClient jdbc;

	ErasedMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void requireActive(UUID member) {
		boolean erased = jdbc.sql("SELECT member_id FROM erased_member WHERE member_id = ? LOCK IN SHARE MODE")
			.param(member.toString())
			.query(String.class)
			.optional()
			.isPresent();
		if (erased) {
			// The same answer as for a token that is no longer valid: nothing to learn from it.
			throw new ApiException(ProblemType.UNAUTHORIZED, "Sign in again.");
		}
	}
}
