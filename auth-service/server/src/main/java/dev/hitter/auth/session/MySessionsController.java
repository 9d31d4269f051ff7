package dev.hitter.auth.session;

import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.apidocs.NotFoundAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The member's logins (sessions): the devices signed in, and ending them. */
@RestController
@RequestMapping("/api/v1/auth/sessions")
@Tag(name = "Account")
class MySessionsController {

	private final MemberSessions sessions;

	MySessionsController(MemberSessions sessions) {
		this.sessions = sessions;
	}

	@Operation(summary = "List my sessions",
			description = "Every login still alive: the device it was made from (browser and system, from its "
					+ "User-Agent), when it started, when it last renewed its access token, and whether it is the one "
					+ "making this request. The current one comes first.")
	@ApiResponse(responseCode = "200", description = "The sessions")
	@GetMapping
	List<SessionInfo> list(Member member, @AuthenticationPrincipal Jwt jwt) {
		return sessions.list(member.id(), CurrentSession.of(jwt));
	}

	@Operation(summary = "End one of my sessions",
			description = "Its refresh token stops working at once; an access token already issued to it lives until it "
					+ "expires (at most HITTER_ACCESS_TOKEN_TTL). Ending the current one signs this device out.")
	@ApiResponse(responseCode = "204", description = "Ended")
	@ValidationAnswers("validation-failed: the id is not a UUID")
	@NotFoundAnswer("not-found: no such living session of this member")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> end(Member member, @PathVariable UUID id) {
		sessions.end(member.id(), id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "End all my other sessions", description = "Every login but the one making this request.")
	@ApiResponse(responseCode = "204", description = "Ended")
	@ValidationAnswers("validation-failed: `others` must be `true`")
	@DeleteMapping
	ResponseEntity<Void> endOthers(Member member, @AuthenticationPrincipal Jwt jwt,
			@Parameter(description = "Must be `true`: ending every session at once is not offered by mistake")
			@RequestParam(name = "others", required = false) String others) {
		if (!"true".equals(others)) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "others", "must be true");
		}
		UUID current = CurrentSession.of(jwt);
		if (current == null) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "others",
					"this access token names no session; sign in again first");
		}
		sessions.endOthers(member.id(), current);
		return ResponseEntity.noContent().build();
	}
}
