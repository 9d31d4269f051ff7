package dev.hitter.community.member;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.community.CommunityApiDocs;
import dev.hitter.kit.security.ServiceCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Hooks auth-service calls (through its outbox) when a member renames or deletes their account. Internal: the
 * gateway routes no {@code /internal} path, and a caller needs a service token (members' tokens, administrators'
 * included, are refused with 403). Both are idempotent, so a message delivered twice does no harm.
 */
@RestController
@Tag(name = "Community member hooks", description = "Internal: keep name copies right on rename and account deletion")
@ApiResponse(responseCode = "401", description = "unauthorized: no valid token",
		content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "forbidden: not auth-service's service token (a member's, an administrator's, another service's)",
		content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
class MemberHooksController {

	/** Members live in auth-service: only it tells of renames and deletions. */
	static final String MEMBER_EVENTS_SENDER = "auth-service";

	private final MemberRecords records;

	private final MemberDataExport export;

	MemberHooksController(MemberRecords records, MemberDataExport export) {
		this.records = records;
		this.export = export;
	}

	record Renamed(@NotBlank @Size(max = 100) String displayName) {
	}

	@Operation(summary = "A member renamed (internal, service token)",
			description = "Every copy of the member's name on posts, comments, notifications and reports follows.")
	@ApiResponse(responseCode = "204", description = "Names updated (also when the member wrote nothing)")
	@ApiResponse(responseCode = "400", description = "validation-failed: displayName",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping("/internal/v1/members/{id}/renamed")
	ResponseEntity<Void> renamed(ServiceCaller caller, @PathVariable UUID id, @Valid @RequestBody Renamed renamed) {
		caller.requireOneOf(MEMBER_EVENTS_SENDER);
		records.renamed(id, renamed.displayName().strip());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "A member deleted their account (internal, service token)",
			description = "Their posts and comments stay for the threads, shown as a deleted member (authorDeleted, "
					+ "no name); their likes and notifications go. Idempotent.")
	@ApiResponse(responseCode = "204", description = "Anonymised")
	@PostMapping("/internal/v1/members/{id}/anonymise")
	ResponseEntity<Void> anonymise(ServiceCaller caller, @PathVariable UUID id) {
		caller.requireOneOf(MEMBER_EVENTS_SENDER);
		records.anonymise(id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "A member's data as JSON (internal, service token)",
			description = "Their posts (with embedded snapshots), comments, likes and filed reports, streamed; the part "
					+ "of the member's 'download my data' archive that community-service holds.")
	@ApiResponse(responseCode = "200", description = "The member's data (an empty document for an unknown member)")
	@GetMapping(value = "/internal/v1/members/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
	void export(ServiceCaller caller, @PathVariable UUID id,
			@Parameter(hidden = true) HttpServletResponse response) throws IOException {
		caller.requireOneOf(MEMBER_EVENTS_SENDER);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader("Cache-Control", "no-store");
		export.write(id, response.getOutputStream());
	}
}
