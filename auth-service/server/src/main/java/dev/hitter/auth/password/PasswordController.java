package dev.hitter.auth.password;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.auth.session.CurrentSession;
import dev.hitter.kit.apidocs.ForbiddenAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.clientaddress.ClientAddress;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Changing the signed-in member's password. */
@RestController
@Tag(name = "Account")
class PasswordController {

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private final ChangePassword changePassword;

	PasswordController(ChangePassword changePassword) {
		this.changePassword = changePassword;
	}

	@Operation(summary = "Change my password",
			description = "Needs the current password. Every other session ends (their refresh tokens are revoked; "
					+ "their access tokens expire within HITTER_ACCESS_TOKEN_TTL); this one stays signed in. Wrong "
					+ "current passwords are throttled like failed sign-ins.")
	@ApiResponse(responseCode = "204", description = "Changed")
	@ValidationAnswers("validation-failed: `newPassword` breaks the password rules or equals the current one; "
					+ "malformed-request")
	@ForbiddenAnswer("current-password-wrong (field `currentPassword`)")
	@ApiResponse(responseCode = "429", description = "login-throttled: too many wrong passwords; `Retry-After`",
			headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "seconds"),
			content = @Content(mediaType = PROBLEM))
	@PostMapping("/api/v1/auth/me/password")
	ResponseEntity<Void> change(Member member, @AuthenticationPrincipal Jwt jwt,
			@Valid @RequestBody PasswordChange change, HttpServletRequest request) {
		changePassword.change(member.id(), CurrentSession.of(jwt), change, ClientAddress.of(request));
		return ResponseEntity.noContent().build();
	}
}
