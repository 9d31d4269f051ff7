package dev.hitter.prediction.member;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.security.ServiceCaller;
import dev.hitter.prediction.PredictionApiDocs;
import dev.hitter.prediction.history.MemberDataExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What auth-service asks of prediction-service about one member's account: erase everything on deletion, and
 * everything as JSON for "download my data". Internal: service tokens only (auth-service's), never routed by the
 * gateway.
 */
@RestController
@Tag(name = "Prediction member data (internal)", description = "Internal: a member's data on export and deletion")
@ApiResponse(responseCode = "401", description = "unauthorized: no valid service token",
		content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "forbidden: not auth-service's service token",
		content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
class InternalMemberController {

	static final String CALLER = "auth-service";

	private final MemberErasure erasure;

	private final MemberDataExport export;

	InternalMemberController(MemberErasure erasure, MemberDataExport export) {
		this.erasure = erasure;
		this.export = export;
	}

	@Operation(summary = "Erase a deleted member's data (internal, service token)",
			description = "Deletes the member's analyses with their spectrograms, published audio and lyrics and the "
					+ "likes they received, their batch jobs with staged audio, their likes, and their quota rows; "
					+ "refuses every later write of theirs. Idempotent: delivering it again changes nothing.")
	@ApiResponse(responseCode = "200", description = "Erased; what was deleted this time (zeros on a repeat)")
	@PostMapping("/internal/v1/members/{id}/erase")
	ResponseEntity<MemberErasure.Erased> erase(ServiceCaller caller, @PathVariable UUID id) {
		caller.requireOneOf(CALLER);
		return ResponseEntity.ok(erasure.erase(id));
	}

	@Operation(summary = "A member's data as JSON (internal, service token)",
			description = "Every analysis with its whole result, the member's likes and batch jobs, streamed; the part "
					+ "of the member's 'download my data' archive that prediction-service holds.")
	@ApiResponse(responseCode = "200", description = "The member's data (an empty document for an unknown member)")
	@GetMapping(value = "/internal/v1/members/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
	void export(ServiceCaller caller, @PathVariable UUID id,
			@Parameter(hidden = true) HttpServletResponse response) throws IOException {
		caller.requireOneOf(CALLER);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader("Cache-Control", "no-store");
		export.write(id, response.getOutputStream());
	}
}
