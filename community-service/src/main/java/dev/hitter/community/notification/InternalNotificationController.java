package dev.hitter.community.notification;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.community.CommunityApiDocs;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.ServiceCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Notifications other services raise, delivered by their outboxes: today prediction-service's "someone liked your
 * analysis". Internal (service tokens only; the gateway routes no {@code /internal} path) and idempotent by the
 * message id, because an outbox delivers at least once.
 */
@RestController
@Tag(name = "Community notifications (internal)", description = "Internal: notifications raised by other services")
@ApiResponse(responseCode = "401", description = "unauthorized: no valid token",
		content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "forbidden: not prediction-service's service token",
		content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
class InternalNotificationController {

	/** The one service that raises notifications today. */
	static final String SENDER = "prediction-service";

	private final Notifications notifications;

	InternalNotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	/**
	 * @param id the sender's message id; a second delivery with the same id is a no-op
	 * @param actorName the actor's display name when it happened (kept, and refreshed by renames, like every copy)
	 */
	record RaisedNotification(@NotNull UUID id, @NotNull UUID recipientId, @NotNull NotificationKind kind,
			@NotNull UUID actorId, @NotBlank @Size(max = 100) String actorName, @NotNull UUID predictionId) {
	}

	@Operation(summary = "Raise a notification (internal, service token)",
			description = "Today only ANALYSIS_LIKE from prediction-service: someone liked the recipient's shared "
					+ "analysis. Idempotent by id: delivering the same message again changes nothing.")
	@ApiResponse(responseCode = "204", description = "Stored (or already stored under this id)")
	@ApiResponse(responseCode = "400",
			description = "validation-failed: id, recipientId, kind (only ANALYSIS_LIKE), actorId, actorName, predictionId",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping("/internal/v1/notifications")
	ResponseEntity<Void> raise(ServiceCaller caller, @Valid @RequestBody RaisedNotification raised) {
		caller.requireOneOf(SENDER);
		if (raised.kind() != NotificationKind.ANALYSIS_LIKE) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "kind", "must be ANALYSIS_LIKE");
		}
		notifications.raise(raised.id(), raised.recipientId(), raised.kind(), raised.actorId(),
				raised.actorName().strip(), raised.predictionId());
		return ResponseEntity.noContent().build();
	}
}
