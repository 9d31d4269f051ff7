package dev.hitter.community.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a member's content.
 *
 * @param actorName who did it, as named when it happened; null when that member has since deleted their account
 */
public record Notification(UUID id, NotificationKind kind, String actorName, UUID postId, UUID commentId,
		UUID predictionId, Instant createdAt, boolean read) {
}
