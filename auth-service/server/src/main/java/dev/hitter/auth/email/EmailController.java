package dev.hitter.auth.email;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.apidocs.ForbiddenAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Verifying a member's address and moving the account to a new one, both through links mailed there. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-up and e-mail")
class EmailController {

	private final EmailVerification verification;

	private final EmailChange change;

	EmailController(EmailVerification verification, EmailChange change) {
		this.verification = verification;
		this.change = change;
	}

	@Operation(summary = "Verify the e-mail address",
			description = "The token of the link mailed at sign-up (or by resend). Single-use; good only while the "
					+ "account still has the address it was sent to. Sign-in is not needed (the link may be opened on "
					+ "another device); a signed-in web app refreshes its access token afterwards to carry "
					+ "`email_verified: true`.")
	@ApiResponse(responseCode = "204", description = "Verified")
	@ValidationAnswers("validation-failed or malformed-request")
	@ForbiddenAnswer("invalid-link: unknown, used, expired, superseded or for another address")
	@PostMapping("/email-verification")
	ResponseEntity<Void> verify(@Valid @RequestBody LinkToken body) {
		verification.verify(body.token());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Send the verification link again",
			description = "Mails a new link to the signed-in member's address (earlier links stop working). Nothing "
					+ "is sent when the address is verified already.")
	@ApiResponse(responseCode = "202", description = "A new link is on its way (if one was needed)")
	@PostMapping("/email-verification/resend")
	ResponseEntity<Void> resend(Member member) {
		verification.resend(member.id());
		return ResponseEntity.accepted().build();
	}

	@Operation(summary = "Change the e-mail address",
			description = "Needs the current password. A link goes to the new address (the account moves when it is "
					+ "opened, see /email-change/confirm) and a notice to the current one. The answer is the same "
					+ "whether or not the new address already has an account; its owner is told by mail.")
	@ApiResponse(responseCode = "202", description = "Check the new address's mail")
	@ValidationAnswers("validation-failed (newEmail malformed or already yours) or malformed-request")
	@ForbiddenAnswer("current-password-wrong (field currentPassword)")
	@PostMapping("/me/email")
	ResponseEntity<Void> requestChange(Member member, @Valid @RequestBody EmailChangeRequest body) {
		change.request(member.id(), body);
		return ResponseEntity.accepted().build();
	}

	@Operation(summary = "Confirm an e-mail change",
			description = "The token of the link mailed to the new address, sent by the member it was made for, "
					+ "signed in. The account then has the new, verified address; refresh the access token to see it.")
	@ApiResponse(responseCode = "204", description = "The account has the new address")
	@ValidationAnswers("validation-failed or malformed-request")
	@ForbiddenAnswer("invalid-link: unknown, used, expired, for another member, or the address was taken since")
	@PostMapping("/email-change/confirm")
	ResponseEntity<Void> confirmChange(Member member, @Valid @RequestBody LinkToken body) {
		change.confirm(member.id(), body.token());
		return ResponseEntity.noContent().build();
	}
}
