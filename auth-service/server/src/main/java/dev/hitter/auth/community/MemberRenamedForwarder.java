package dev.hitter.auth.community;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.member.MemberRenamed;

/**
 * Carries a {@link MemberRenamed} event to community-service. A plain listener, not a transactional one: published
 * inside the rename's transaction it enqueues in that transaction (the message commits with the rename, or neither
 * does); published after a commit, it enqueues in a transaction of its own.
 */
@Component
class MemberRenamedForwarder {

	private final CommunityMemberEvents events;

	private final TransactionTemplate transaction;

	MemberRenamedForwarder(CommunityMemberEvents events, PlatformTransactionManager transactions) {
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	@EventListener
	void on(MemberRenamed renamed) {
		transaction.executeWithoutResult(status -> events.renamed(renamed.memberId(), renamed.displayName()));
	}
}
