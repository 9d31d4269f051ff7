package dev.hitter.community.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * A report as the administrators' queue shows it.
 *
 * @param targetPreview the reported post's title or the comment's first characters; null for a leaderboard entry (its
 *     page is prediction-service's) or content already deleted
 * @param action the decision that resolved it, null while open
 */
public record Report(UUID id, String targetType, UUID targetId, String reason, String reporterName,
		Instant createdAt, String state, String action, String targetPreview, UUID postId) {
}
