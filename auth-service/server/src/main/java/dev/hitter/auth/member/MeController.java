package dev.hitter.auth.member;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in member's own profile. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Account")
class MeController {

	private final MemberRepository members;

	MeController(MemberRepository members) {
		this.members = members;
	}

	@Operation(summary = "Who am I",
			description = "The signed-in member: id, e-mail, display name, kind, roles and whether the address is "
					+ "verified. 401 when the token is valid but the account no longer exists (deleted since).")
	@GetMapping("/me")
	MemberProfile me(Member member) {
		// A valid token can outlive its account (deleted since); the caller must sign in again.
		return members.findById(member.id())
			.map(MemberProfile::of)
			.orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "This account no longer exists."));
	}
}
