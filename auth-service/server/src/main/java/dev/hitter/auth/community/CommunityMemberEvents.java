package dev.hitter.auth.community;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hitter.kit.outbox.Outbox;

/**
 * What community-service must learn about a member, as one line in the transaction of the change:
 * {@code communityMemberEvents.renamed(id, name)} or {@code .anonymise(id)}. Each is an outbox message, delivered
 * to community's internal member hooks however long community is down (docs/internal-calls.md).
 */
@Component
public class CommunityMemberEvents {

	static final String DESTINATION = "community-service";

	static final String RENAMED = "member-renamed";

	static final String ANONYMISE = "member-anonymise";

	private final Outbox outbox;

	CommunityMemberEvents(Outbox outbox) {
		this.outbox = outbox;
	}

	/** Every copy of the member's name in the community follows the new one. Needs a transaction. */
	public UUID renamed(UUID member, String displayName) {
		return outbox.enqueue(DESTINATION, RENAMED, new MemberMessage(member, displayName));
	}

	/** The member's posts and comments stay, as a deleted member's; their likes and notifications go. */
	public UUID anonymise(UUID member) {
		return outbox.enqueue(DESTINATION, ANONYMISE, new MemberMessage(member, null));
	}

	/** The payload of both messages. */
	record MemberMessage(UUID memberId, String displayName) {
	}
}
