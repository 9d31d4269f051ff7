package dev.hitter.community.comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A comment as a post's page shows it. A top comment carries its replies (one level: a reply has none).
 *
 * @param parentId the top comment this replies to; null for a top comment
 * @param authorName a copy taken at write time; null once the member deleted their account ({@code authorDeleted})
 * @param deleted deleted by its author but kept, with an empty body, because replies hang on it
 */
public record Comment(UUID id, UUID postId, UUID parentId, UUID authorId, String authorName, boolean authorDeleted,
		String body, Instant createdAt, Instant editedAt, boolean deleted, int likes, boolean likedByMe, boolean mine,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<Comment> replies) {

	Comment withReplies(List<Comment> replies) {
		return new Comment(id, postId, parentId, authorId, authorName, authorDeleted, body, createdAt, editedAt,
				deleted, likes, likedByMe, mine, replies);
	}
}
