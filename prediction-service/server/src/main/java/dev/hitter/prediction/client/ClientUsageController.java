package dev.hitter.prediction.client;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import dev.hitter.prediction.PredictionApiDocs;

/** A member's view of how their partner API clients use prediction-service (the partner page's usage). */
@RestController
@Tag(name = "Partner client usage", description = "Requests, analyses and jobs of the member's own API clients")
class ClientUsageController {

	static final String PATH = "/api/v1/predictions/client-usage";

	static final int MAX_DAYS = 90;

	private final ClientUsage usage;

	ClientUsageController(ClientUsage usage) {
		this.usage = usage;
	}

	@Operation(summary = "Usage of my partner API clients",
			description = "Per client of the member's that was used in the span: requests its tokens made to "
					+ "prediction-service, analyses (single and batch items) and jobs it made, when it was last used, "
					+ "and each UTC day of the span. For the member's own session (the web app) only: a client's "
					+ "token is refused.")
	@SecurityRequirement(name = PredictionApiDocs.BEARER)
	@ApiResponse(responseCode = "200", description = "The usage, clients ordered by id")
	@ApiResponse(responseCode = "400", description = "validation-failed: days is not 1 to " + MAX_DAYS,
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "insufficient-scope: a partner client's token",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping(ClientUsageController.PATH)
	ClientUsageReport usage(Member member, @Parameter(description = "UTC days back, today included: 1 to " + MAX_DAYS)
			@RequestParam(defaultValue = "30") int days) {
		// No scope rule opens this path to clients already; this keeps it so if a rule were ever widened.
		if (member.isPartnerClient()) {
			throw new ApiException(ProblemType.INSUFFICIENT_SCOPE, "Usage is shown to the member, not to their clients.");
		}
		if (days < 1 || days > MAX_DAYS) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "days", "must be 1 to " + MAX_DAYS);
		}
		return usage.report(member.id(), days);
	}
}
