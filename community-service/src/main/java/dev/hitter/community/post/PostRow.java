package dev.hitter.community.post;

import java.time.Instant;
import java.util.UUID;

/** A post as stored; {@code body} and {@code analysisJson} are null when a list did not read them. */
record PostRow(UUID id, UUID authorId, String authorName, Category category, String title, String excerpt,
		String body, UUID predictionId, String analysisJson, ContentState state, long views, int likes,
		int comments, boolean likedByMe, Instant createdAt, Instant editedAt) {
}
