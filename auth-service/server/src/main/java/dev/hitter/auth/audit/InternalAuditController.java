package dev.hitter.auth.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.apidocs.ForbiddenAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.security.ServiceCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Moderation events of the other services (community decisions, leaderboard entry moderation), delivered by their
 * outboxes into the audit log. Internal (service tokens of community-service and prediction-service only; the gateway
 * routes no {@code /internal} path) and idempotent by the message id.
 */
@RestController
@Tag(name = "Audit (internal)", description = "Internal: other services' moderation events for the audit log")
class InternalAuditController {

	static final String[] SENDERS = { "community-service", "prediction-service" };

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private final AuditLog audit;

	InternalAuditController(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * @param id the sender's outbox message id: a second delivery adds nothing
	 * @param kind only moderation kinds ({@code MODERATION_…}): another service can never write a sign-in or a password
	 *        change into the log
	 * @param memberId the member whose content it was (null when unknown)
	 * @param actorId the administrator who decided
	 */
	record ReceivedEvent(@NotNull UUID id,
			@NotNull @Pattern(regexp = "MODERATION_[A-Z0-9_]{1,29}", message = "must be MODERATION_ and upper-case words")
			String kind,
			UUID memberId, @NotNull UUID actorId, @Size(max = 500) String detail, @NotNull Instant occurredAt) {
	}

	@Operation(summary = "Record a moderation event (internal, service token)",
			description = "For community-service's and prediction-service's outboxes only. Idempotent by `id`. Kinds "
					+ "must start with `MODERATION_`; control characters in `detail` are replaced by spaces.")
	@ApiResponse(responseCode = "204", description = "Recorded (or already recorded under this id)")
	@ValidationAnswers("validation-failed: id, kind (MODERATION_…), actorId, occurredAt, detail (at most 500)")
	@ApiResponse(responseCode = "401", description = "unauthorized: no valid token", content = @Content(mediaType = PROBLEM))
	@ForbiddenAnswer("forbidden: a member's token, or another service's than community's or prediction's")
	@PostMapping("/internal/v1/audit-events")
	ResponseEntity<Void> record(ServiceCaller caller, @Valid @RequestBody ReceivedEvent event) {
		caller.requireOneOf(SENDERS);
		audit.recordFrom(caller.name(), event.id(),
				new AuditEvent(event.kind(), event.memberId(), event.actorId(), event.detail()), event.occurredAt());
		return ResponseEntity.noContent().build();
	}
}
