package dev.hitter.auth.signup;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.auth.member.MemberProfile;

/** {@code POST /api/v1/auth/signup}: become a member. */
@RestController
@RequestMapping("/api/v1/auth")
class SignupController {

	private final SignUpMember signUpMember;

	SignupController(SignUpMember signUpMember) {
		this.signUpMember = signUpMember;
	}

	@PostMapping("/signup")
	ResponseEntity<MemberProfile> signUp(@Valid @RequestBody SignupRequest request) {
		MemberProfile profile = MemberProfile.of(signUpMember.signUp(request));
		return ResponseEntity.created(URI.create("/api/v1/users/me")).body(profile);
	}
}
