package dev.hitter.community.post;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** What members send to write and change posts, checked by Bean Validation at the web edge. */
public final class PostForms {

	public static final int MAX_TITLE = 200;

	public static final int MAX_BODY = 20_000;

	private PostForms() {
	}

	/**
	 * A new post.
	 *
	 * @param predictionId one of the author's own analyses to embed as a snapshot of its figures
	 * @param confirmShareFigures must be true with {@code predictionId}: the author agrees that signed-in members
	 *     see the analysis's figures (never its audio)
	 */
	public record NewPost(@NotBlank @Size(max = MAX_TITLE) String title,
			@Schema(description = "Plain text with a safe subset of Markdown (links, *emphasis*, **strong**, lists)")
			@NotBlank @Size(max = MAX_BODY) String body,
			@Schema(allowableValues = { "FEEDBACK", "INDUSTRY_NEWS", "QA", "FREE_TALK" })
			@NotNull @Pattern(regexp = Category.PATTERN, message = Category.MESSAGE) String category,
			UUID predictionId, Boolean confirmShareFigures) {
	}

	/** Changes to a post; an absent field stays as it is. */
	public record PostChanges(
			@Size(min = 1, max = MAX_TITLE) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
			String title,
			@Size(min = 1, max = MAX_BODY) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
			String body,
			@Schema(allowableValues = { "FEEDBACK", "INDUSTRY_NEWS", "QA", "FREE_TALK" })
			@Pattern(regexp = Category.PATTERN, message = Category.MESSAGE) String category) {
	}
}
