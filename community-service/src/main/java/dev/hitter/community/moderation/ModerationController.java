package dev.hitter.community.moderation;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.community.CommunityApiDocs;
import dev.hitter.community.paging.CursorPage;
import dev.hitter.community.paging.PageSize;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Members report content; administrators work through the reports and decide. */
@RestController
@Tag(name = "Community moderation", description = "Reports of posts, comments and leaderboard entries; decisions")
@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
		content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
class ModerationController {

	private final Moderation moderation;

	ModerationController(Moderation moderation) {
		this.moderation = moderation;
	}

	@Operation(summary = "Report content",
			description = "A post, a comment or a leaderboard entry (a shared analysis's id), with a reason.")
	@ApiResponse(responseCode = "201", description = "The report as queued")
	@ApiResponse(responseCode = "400", description = "validation-failed: targetType, targetId or reason",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such post or comment (errors names targetId)",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping("/api/v1/community/reports")
	ResponseEntity<Report> report(Member member, @Valid @RequestBody ReportForms.NewReport form) {
		Report report = moderation.report(member, form);
		return ResponseEntity.created(URI.create("/api/v1/community/reports/" + report.id())).body(report);
	}

	@Operation(summary = "The moderation queue", description = "Reports newest first; administrators only.")
	@ApiResponse(responseCode = "200", description = "A page of reports")
	@ApiResponse(responseCode = "400", description = "validation-failed: state, size or cursor",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "forbidden: the caller is no administrator",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/api/v1/community/reports")
	CursorPage<Report> queue(Member member,
			@Parameter(description = "OPEN or RESOLVED; both when absent") @RequestParam(required = false)
			String state, @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int size) {
		return moderation.queue(member, state, cursor, PageSize.checked(size));
	}

	@Operation(summary = "Decide on reported content",
			description = "HIDE (reversible) or REMOVE (final) a post or comment: it disappears from lists, search "
					+ "and threads at once; RESTORE undoes a hide; DISMISS leaves it. Resolves the target's open reports. "
					+ "For LEADERBOARD_ENTRY only the reports are resolved: the entry itself is moderated through "
					+ "prediction-service's PUT /api/v1/predictions/{id}/moderation. Administrators only.")
	@ApiResponse(responseCode = "204", description = "Decided")
	@ApiResponse(responseCode = "400", description = "validation-failed: targetType, action or note",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "forbidden: the caller is no administrator",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such post or comment",
			content = @Content(mediaType = CommunityApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PutMapping("/api/v1/community/moderation/{targetType}/{targetId}")
	ResponseEntity<Void> decide(Member member,
			@Parameter(description = "POST, COMMENT or LEADERBOARD_ENTRY") @PathVariable String targetType,
			@PathVariable UUID targetId, @Valid @RequestBody ReportForms.Decision decision) {
		moderation.decide(member, targetType, targetId, decision);
		return ResponseEntity.noContent().build();
	}
}
