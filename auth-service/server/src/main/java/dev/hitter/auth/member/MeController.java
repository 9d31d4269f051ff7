package dev.hitter.auth.member;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;

/** The signed-in member's own profile. */
@RestController
@RequestMapping("/api/v1/users")
class MeController {

	private final MemberRepository members;

	MeController(MemberRepository members) {
		this.members = members;
	}

	@GetMapping("/me")
	MemberProfile me(Member member) {
		// A valid token can outlive its account (deleted since); the caller must sign in again.
		return members.findById(member.id())
			.map(MemberProfile::of)
			.orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "This account no longer exists."));
	}
}
