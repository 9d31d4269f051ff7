package dev.hitter.prediction.history;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hitter.kit.outbox.Outbox;
import dev.hitter.kit.security.Member;

/**
 * Tells an analysis's owner that someone liked it: an outbox message to community-service, whose notifications the
 * owner reads in the app ({@code ANALYSIS_LIKE}). Written in the like's transaction, delivered by the relay.
 */
@Component
public class AnalysisLikeNotices {

	public static final String DESTINATION = "community-service";

	public static final String TYPE = "analysis-liked";

	private static final int MAX_NAME = 100;

	private final Outbox outbox;

	AnalysisLikeNotices(Outbox outbox) {
		this.outbox = outbox;
	}

	/** The message's payload; community stores it under the message's id. */
	public record AnalysisLiked(UUID recipientId, UUID actorId, String actorName, UUID predictionId) {
	}

	void liked(UUID prediction, UUID owner, Member liker) {
		outbox.enqueue(DESTINATION, TYPE, new AnalysisLiked(owner, liker.id(), nameOf(liker), prediction));
	}

	// The name as the liker's token has it now (community keeps it, and renames refresh it).
	private static String nameOf(Member member) {
		String name = member.displayName();
		if (name == null || name.isBlank()) {
			String email = member.email();
			name = email == null || email.indexOf('@') <= 0 ? "member" : email.substring(0, email.indexOf('@'));
		}
		name = name.strip();
		return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
	}
}
