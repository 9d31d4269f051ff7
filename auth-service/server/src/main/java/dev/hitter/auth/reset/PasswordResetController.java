package dev.hitter.auth.reset;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hitter.kit.apidocs.ForbiddenAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;

/** {@code /api/v1/auth/password-reset}: a forgotten password, replaced through a link mailed to the account. */
@RestController
@RequestMapping("/api/v1/auth/password-reset")
@Tag(name = "Sign-up and e-mail")
class PasswordResetController {

	private final PasswordReset reset;

	PasswordResetController(PasswordReset reset) {
		this.reset = reset;
	}

	@Operation(summary = "Ask for a password-reset link",
			description = "Always 202, whether or not the address has an account (then a link is mailed to it, "
					+ "valid for HITTER_MAIL_PASSWORD_RESET_LINK_TTL, single-use; an earlier link stops working).")
	@ApiResponse(responseCode = "202", description = "If the address has an account, a link is on its way")
	@ValidationAnswers("validation-failed or malformed-request")
	@PostMapping
	ResponseEntity<Void> request(@Valid @RequestBody PasswordResetRequest body) {
		reset.request(body.email());
		return ResponseEntity.accepted().build();
	}

	@Operation(summary = "Set a new password with a reset link",
			description = "Spends the link's token and ends every session of the account (each refresh token is "
					+ "revoked; access tokens run out within HITTER_ACCESS_TOKEN_TTL). A password the policy refuses "
					+ "leaves the link usable.")
	@ApiResponse(responseCode = "204", description = "Password changed; sign in with it")
	@ValidationAnswers("validation-failed (newPassword, token) or malformed-request")
	@ForbiddenAnswer("invalid-link: unknown, used, expired or superseded")
	@PostMapping("/confirm")
	ResponseEntity<Void> confirm(@Valid @RequestBody PasswordResetConfirmation body) {
		reset.confirm(body.token(), body.newPassword());
		return ResponseEntity.noContent().build();
	}
}
