package dev.hitter.auth.token;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.auth.AuthProblems;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Administrators start a signing key rotation ({@code ./hitter keys rotate} calls this). */
@RestController
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "unauthorized",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
@ApiResponse(responseCode = "403", description = "forbidden: not an administrator",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
class SigningKeyRotationController {

	private final SigningKeyRotation rotation;

	SigningKeyRotationController(SigningKeyRotation rotation) {
		this.rotation = rotation;
	}

	@Operation(summary = "Rotate the signing keys (administrators)",
			description = "A new key is published in the key set at once and signs new tokens from `activatesAt` "
					+ "(HITTER_SIGNING_KEY_PUBLISH_AHEAD later, once every service has fetched the key set again). The "
					+ "keys signing until then stay in the key set until every token they signed has expired "
					+ "(`retiresAt`: the longest token lifetime plus the clock skew after `activatesAt`), so nobody is "
					+ "logged out. Recorded in the audit log. docs/identity.md \"Signing keys\".")
	@ApiResponse(responseCode = "202", description = "The rotation has started")
	@ApiResponse(responseCode = "409",
			description = "signing-key-rotation-under-way: the last rotation's key has not started signing yet",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PostMapping("/api/v1/auth/admin/signing-keys/rotation")
	ResponseEntity<RotationAnswer> rotateSigningKeys(Member administrator) {
		if (!administrator.isAdmin()) {
			throw new ApiException(ProblemType.FORBIDDEN, "Only administrators may do this.");
		}
		try {
			SigningKeys.Rotation done = rotation.rotateBy(administrator.id());
			return ResponseEntity.status(HttpStatus.ACCEPTED)
				.body(new RotationAnswer(done.newKid(), done.publishedAt(), done.activatesAt(), done.retiringKids(),
						done.retiresAt()));
		}
		catch (SigningKeys.RotationUnderWayException underWay) {
			throw new ApiException(AuthProblems.SIGNING_KEY_ROTATION_UNDER_WAY,
					"Key " + underWay.kid() + " is published and signs from " + underWay.activatesAt()
							+ "; rotate again after that.");
		}
	}

	/**
	 * A rotation that has started.
	 *
	 * @param kid the new key's id, in the key set from {@code publishedAt}
	 * @param activatesAt when the new key starts signing
	 * @param retiringKids the keys signing until then
	 * @param retiresAt when those leave the key set
	 */
	record RotationAnswer(String kid, Instant publishedAt, Instant activatesAt, List<String> retiringKids,
			Instant retiresAt) {
	}
}
