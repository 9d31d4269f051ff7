package dev.hitter.community.comment;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What members send to write and change comments. */
public final class CommentForms {

	public static final int MAX_BODY = 5_000;

	private CommentForms() {
	}

	/** @param parentId the top comment of the same post this replies to; absent for a top comment */
	public record NewComment(@NotBlank @Size(max = MAX_BODY) String body, UUID parentId) {
	}

	public record CommentChanges(@NotBlank @Size(max = MAX_BODY) String body) {
	}
}
