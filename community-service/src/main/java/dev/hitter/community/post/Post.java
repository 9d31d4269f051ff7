package dev.hitter.community.post;

import java.time.Instant;
import java.util.UUID;

import dev.hitter.community.snapshot.AnalysisSnapshot;

/**
 * A post as its page shows it: a {@link PostSummary}'s fields, the whole body and the analysis it embeds.
 *
 * @param body what the author wrote, word for word (plain text with a safe subset of Markdown, rendered by the web
 *     app as text: script tags and {@code javascript:} links stay inert)
 * @param analysis the snapshot of the author's analysis, or null
 */
public record Post(UUID id, String title, String excerpt, Category category, UUID authorId, String authorName,
		boolean authorDeleted, Instant createdAt, Instant editedAt, long views, int likes, boolean likedByMe,
		int comments, boolean hasAnalysis, boolean mine, String body, AnalysisSnapshot analysis) {
}
