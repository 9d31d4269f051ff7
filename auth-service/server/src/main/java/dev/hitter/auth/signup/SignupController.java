package dev.hitter.auth.signup;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/auth/signup}: become a member. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-up and e-mail", description = "Sign-up, e-mail verification, password reset and e-mail change")
class SignupController {

	private final SignUpMember signUpMember;

	SignupController(SignUpMember signUpMember) {
		this.signUpMember = signUpMember;
	}

	@Operation(summary = "Sign up",
			description = "Answers 202 with the same body whether or not the address already has an account, and in "
					+ "about the same time: a new account gets a verification link by mail, the owner of a taken "
					+ "address a mail saying someone tried. No tokens: sign in next. An unverified member may sign "
					+ "in and analyse, but not publish, post or comment.")
	@ApiResponse(responseCode = "202", description = "Check your mail")
	@ApiResponse(responseCode = "400", description = "validation-failed (the field at fault in `errors`) or "
			+ "malformed-request", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PostMapping("/signup")
	ResponseEntity<SignupAccepted> signUp(@Valid @RequestBody SignupRequest request) {
		signUpMember.signUp(request);
		return ResponseEntity.accepted().body(SignupAccepted.of(request.email()));
	}
}
