package dev.hitter.auth.deletion;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.apidocs.ForbiddenAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.clientaddress.ClientAddress;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in member deletes their account. */
@RestController
@Tag(name = "Account")
class AccountDeletionController {

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private final DeleteAccount deleteAccount;

	AccountDeletionController(DeleteAccount deleteAccount) {
		this.deleteAccount = deleteAccount;
	}

	@Operation(summary = "Delete my account",
			description = "Needs the current password, and with two-factor on a code from the app or a recovery code "
					+ "(`code`). Deletes the account (only its id and the time are kept), ends every session, voids "
					+ "mailed links, refuses the member's access tokens (the gateway at once, every service within "
					+ "30 s), and has prediction-service erase the member's analyses, published audio and lyrics, "
					+ "batch jobs and likes and community-service anonymise their posts and comments — reliably, "
					+ "even if those services are down now. The address may sign up again.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ValidationAnswers("validation-failed; malformed-request")
	@ForbiddenAnswer("current-password-wrong (field `currentPassword`); second-factor-wrong (field `code`: "
					+ "missing, wrong or used)")
	@ApiResponse(responseCode = "429", description = "login-throttled: too many wrong passwords; `Retry-After`",
			headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "seconds"),
			content = @Content(mediaType = PROBLEM))
	@DeleteMapping("/api/v1/auth/me")
	ResponseEntity<Void> delete(Member member, @Valid @RequestBody AccountDeletion request,
			HttpServletRequest http) {
		deleteAccount.delete(member.id(), request, ClientAddress.of(http));
		return ResponseEntity.noContent().build();
	}
}
