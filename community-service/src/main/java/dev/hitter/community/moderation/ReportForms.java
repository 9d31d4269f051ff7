package dev.hitter.community.moderation;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** What members and administrators send about content at fault. */
public final class ReportForms {

	private ReportForms() {
	}

	/** A member's report of a post, a comment or a leaderboard entry (a prediction's id). */
	public record NewReport(
			@Schema(allowableValues = { "POST", "COMMENT", "LEADERBOARD_ENTRY" }) @NotNull
			@Pattern(regexp = "POST|COMMENT|LEADERBOARD_ENTRY", message = "must be POST, COMMENT or LEADERBOARD_ENTRY")
			String targetType,
			@NotNull UUID targetId, @NotBlank @Size(max = 1000) String reason) {
	}

	/**
	 * An administrator's decision: HIDE (reversible), REMOVE (final), RESTORE (undo a hide), DISMISS (the content
	 * stays). Every open report of the target is resolved with it.
	 */
	public record Decision(
			@Schema(allowableValues = { "HIDE", "REMOVE", "RESTORE", "DISMISS" }) @NotNull
			@Pattern(regexp = "HIDE|REMOVE|RESTORE|DISMISS", message = "must be HIDE, REMOVE, RESTORE or DISMISS")
			String action,
			@Size(max = 1000) String note) {
	}
}
