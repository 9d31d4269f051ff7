package dev.hitter.prediction.history;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.security.Member;
import dev.hitter.prediction.PredictionApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Administrators hide, remove and restore leaderboard entries. */
@RestController
@RequestMapping(PredictionController.BASE + "/{id}/moderation")
@Tag(name = "Moderation", description = "Administrators hide or remove leaderboard entries")
@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
		content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "forbidden: administrators only (refused before the id is looked up)",
		content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "not-found: no such shared analysis",
		content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
class ModerationController {

	/** What an administrator decides, and why: the owner reads the reason. */
	record Decision(@NotNull Moderation state, @NotBlank @Size(max = 500) String reason) {
	}

	private final Predictions predictions;

	ModerationController(Predictions predictions) {
		this.predictions = predictions;
	}

	@Operation(summary = "Hide or remove a leaderboard entry",
			description = "HIDDEN: off the leaderboard and out of sight for every member but its owner (who sees the "
					+ "reason) and administrators; its publication is kept. REMOVED: the same, and its published "
					+ "audio and lyrics are deleted at once; the owner cannot publish it again until it is restored.")
	@ApiResponse(responseCode = "200", description = "The entry as it is now, with the decision")
	@ApiResponse(responseCode = "400", description = "validation-failed: state or reason (errors names each)",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PutMapping
	PredictionView moderate(Member member, @PathVariable UUID id, @Valid @RequestBody Decision decision) {
		return predictions.moderate(member, id, decision.state(), decision.reason().strip());
	}

	@Operation(summary = "Restore a hidden or removed entry",
			description = "Back on the leaderboard; what a removal deleted stays deleted (the owner may publish again).")
	@ApiResponse(responseCode = "204", description = "Restored")
	@DeleteMapping
	ResponseEntity<Void> restore(Member member, @PathVariable UUID id) {
		predictions.restore(member, id);
		return ResponseEntity.noContent().build();
	}
}
