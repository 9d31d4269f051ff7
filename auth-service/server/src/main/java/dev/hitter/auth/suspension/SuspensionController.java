package dev.hitter.auth.suspension;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Administrators suspend and reinstate members. */
@RestController
@Tag(name = "Administration")
@ApiResponse(responseCode = "401", description = "unauthorized",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
@ApiResponse(responseCode = "403", description = "forbidden: not an administrator",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
@ApiResponse(responseCode = "404", description = "not-found: no such member",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
class SuspensionController {

	private final MemberSuspension suspension;

	SuspensionController(MemberSuspension suspension) {
		this.suspension = suspension;
	}

	@Operation(summary = "Suspend a member (administrators)",
			description = "The member cannot sign in (403 account-suspended after a right password), every session "
					+ "ends, and their access tokens are refused: by the gateway within a second, by every service "
					+ "within 30 s. Suspending a suspended member again changes only the reason.")
	@ApiResponse(responseCode = "204", description = "Suspended")
	@ApiResponse(responseCode = "400", description = "validation-failed (`reason`, 1–500 characters)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "409", description = "cannot-suspend-self",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PostMapping("/api/v1/auth/admin/members/{id}/suspension")
	ResponseEntity<Void> suspend(Member administrator, @PathVariable UUID id,
			@Valid @RequestBody SuspensionRequest request) {
		requireAdmin(administrator);
		suspension.suspend(administrator.id(), id, request.reason());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Reinstate a suspended member (administrators)",
			description = "The member may sign in again; tokens issued before now stay refused. Reinstating a member "
					+ "who is not suspended changes nothing.")
	@ApiResponse(responseCode = "204", description = "Reinstated")
	@DeleteMapping("/api/v1/auth/admin/members/{id}/suspension")
	ResponseEntity<Void> reinstate(Member administrator, @PathVariable UUID id) {
		requireAdmin(administrator);
		suspension.reinstate(administrator.id(), id);
		return ResponseEntity.noContent().build();
	}

	private static void requireAdmin(Member member) {
		if (!member.isAdmin()) {
			throw new ApiException(ProblemType.FORBIDDEN, "Only administrators may do this.");
		}
	}
}
