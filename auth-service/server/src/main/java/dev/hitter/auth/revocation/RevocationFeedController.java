package dev.hitter.auth.revocation;

import jakarta.validation.constraints.Min;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.apidocs.ForbiddenAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.revocation.RevocationFeed;
import dev.hitter.kit.security.ServiceCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The members whose access tokens every service refuses, for the services and the gateway to follow. */
@RestController
@Validated
@Tag(name = "Internal")
class RevocationFeedController {

	private final LocalRevocationFeed feed;

	RevocationFeedController(LocalRevocationFeed feed) {
		this.feed = feed;
	}

	@Operation(summary = "Revoked members after a cursor (internal, service token)",
			description = "Decisions oldest first, at most 500: `notBefore` null refuses every token of the member "
					+ "(deleted, suspended); a time refuses tokens issued before it (reinstated). With `clientId`, the item "
					+ "is about that partner client only: revoked (`notBefore` null) or its secret rotated (tokens issued "
					+ "before `notBefore`). The newest item of a member (or client) holds. Ask again with the answered `cursor` (`more`: at once). Callers: community-service, "
					+ "prediction-service, gateway.")
	@ApiResponse(responseCode = "200", description = "A page of the feed")
	@ValidationAnswers("validation-failed (`after`)")
	@ForbiddenAnswer("forbidden: a member's token, or another service's")
	@GetMapping(value = "/internal/v1/revocations", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RevocationFeed.Page> revocations(ServiceCaller caller,
			@Parameter(description = "the cursor of the previous answer; 0 from the beginning")
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") long after) {
		caller.requireOneOf("community-service", "prediction-service", "gateway");
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(feed.after(after));
	}
}
