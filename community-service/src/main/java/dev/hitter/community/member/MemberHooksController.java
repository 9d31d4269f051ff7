package dev.hitter.community.member;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.community.CommunityApiDocs;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Hooks for the accounts work (issue 13) to call when a member renames or deletes their account. Internal: the
 * gateway routes no {@code /internal} path, and a caller needs an administrator's access token (the credential a
 * service uses until auth-service issues service tokens).
 */
@RestController
@Tag(name = "Community member hooks", description = "Internal: keep name copies right on rename and account deletion")
@SecurityRequirement(name = CommunityApiDocs.BEARER)
@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
		content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "forbidden: the caller is no administrator",
		content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
class MemberHooksController {

	private final MemberRecords records;

	MemberHooksController(MemberRecords records) {
		this.records = records;
	}

	record Renamed(@NotBlank @Size(max = 100) String displayName) {
	}

	@Operation(summary = "A member renamed (internal)",
			description = "Every copy of the member's name on posts, comments, notifications and reports follows.")
	@ApiResponse(responseCode = "204", description = "Names updated (also when the member wrote nothing)")
	@ApiResponse(responseCode = "400", description = "validation-failed: displayName",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping("/internal/v1/members/{id}/renamed")
	ResponseEntity<Void> renamed(Member caller, @PathVariable UUID id, @Valid @RequestBody Renamed renamed) {
		requireAdministrator(caller);
		records.renamed(id, renamed.displayName().strip());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "A member deleted their account (internal)",
			description = "Their posts and comments stay for the threads, shown as a deleted member (authorDeleted, "
					+ "no name); their likes and notifications go. Idempotent.")
	@ApiResponse(responseCode = "204", description = "Anonymised")
	@PostMapping("/internal/v1/members/{id}/anonymise")
	ResponseEntity<Void> anonymise(Member caller, @PathVariable UUID id) {
		requireAdministrator(caller);
		records.anonymise(id);
		return ResponseEntity.noContent().build();
	}

	private static void requireAdministrator(Member caller) {
		if (!caller.isAdmin()) {
			throw new ApiException(ProblemType.FORBIDDEN, "Only administrators and services call member hooks.");
		}
	}
}
