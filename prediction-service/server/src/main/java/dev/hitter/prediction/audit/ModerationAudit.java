package dev.hitter.prediction.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hitter.kit.outbox.Outbox;

/**
 * Tells auth-service's audit log what an administrator decided about a leaderboard entry: an outbox message written
 * in the decision's transaction, so that the log misses nothing while auth-service is down.
 */
@Component
public class ModerationAudit {

	public static final String DESTINATION = "auth-service";

	public static final String TYPE = "audit-event";

	static final int MAX_DETAIL = 500;

	private final Outbox outbox;

	ModerationAudit(Outbox outbox) {
		this.outbox = outbox;
	}

	/** The message's payload; auth-service records it under the message's id. */
	public record ModerationEvent(String kind, UUID memberId, UUID actorId, String detail, Instant occurredAt) {
	}

	/**
	 * @param kind {@code MODERATION_…}
	 * @param memberId the entry's owner
	 * @param actorId the administrator
	 */
	public void record(String kind, UUID memberId, UUID actorId, String detail) {
		String cut = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
		outbox.enqueue(DESTINATION, TYPE,
				new ModerationEvent(kind, memberId, actorId, cut, Instant.now().truncatedTo(ChronoUnit.MICROS)));
	}
}
