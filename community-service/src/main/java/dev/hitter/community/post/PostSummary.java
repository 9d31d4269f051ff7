package dev.hitter.community.post;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hitter.community.search.Highlights;

/**
 * A post as lists show it.
 *
 * @param authorName a copy taken when the post was written (refreshed when the member renames); null once the
 *     member deleted their account ({@code authorDeleted})
 * @param views reads so far, including those not yet flushed to the database
 * @param highlights only in search results: title and excerpt with the matches between \u0001 and \u0002
 */
public record PostSummary(UUID id, String title, String excerpt, Category category, UUID authorId,
		String authorName, boolean authorDeleted, Instant createdAt, Instant editedAt, long views, int likes,
		boolean likedByMe, int comments, boolean hasAnalysis, boolean mine,
		@JsonInclude(JsonInclude.Include.NON_NULL) Highlights highlights) {
}
