package dev.hitter.auth.profile;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in member's profile: display name, kind, affiliation and a short bio. */
@RestController
@RequestMapping("/api/v1/auth/me/profile")
@Tag(name = "Account", description = "The signed-in member's own account: profile, password, sessions, two-factor")
class ProfileController {

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private final EditProfile profiles;

	ProfileController(EditProfile profiles) {
		this.profiles = profiles;
	}

	@Operation(summary = "Read my profile")
	@ApiResponse(responseCode = "200", description = "The profile")
	@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token, or the account is gone",
			content = @Content(mediaType = PROBLEM))
	@GetMapping
	AccountProfile read(Member member) {
		return profiles.read(member.id());
	}

	@Operation(summary = "Change my profile",
			description = "Fields left out stay as they are; an empty `affiliation` or `bio` removes it. A new display "
					+ "name reaches the community's copies of it (posts and comments) shortly after, and the access "
					+ "token's `name` at its next refresh.")
	@ApiResponse(responseCode = "200", description = "The changed profile")
	@ValidationAnswers("validation-failed (`errors` names `displayName`, `kind`, `affiliation` or `bio`: too long, "
					+ "blank, control characters, an unknown kind) or malformed-request")
	@PatchMapping
	AccountProfile edit(Member member, @Valid @RequestBody ProfileUpdate update) {
		return profiles.edit(member.id(), update);
	}
}
