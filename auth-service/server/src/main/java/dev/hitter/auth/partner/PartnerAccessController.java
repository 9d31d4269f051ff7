package dev.hitter.auth.partner;

import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.auth.partner.PartnerAccess.AccessView;
import dev.hitter.auth.partner.PartnerAccess.Queue;
import dev.hitter.auth.partner.PartnerAccess.QueueItem;
import dev.hitter.kit.apidocs.ConflictAnswer;
import dev.hitter.kit.apidocs.ForbiddenAnswer;
import dev.hitter.kit.apidocs.NotFoundAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A member asks for partner access; administrators work through the queue of requests. */
@RestController
@Tag(name = "Partner access", description = "Partner access for label tools: ask, and the administrators' decision")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "unauthorized",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
class PartnerAccessController {

	private final PartnerAccess access;

	PartnerAccessController(PartnerAccess access) {
		this.access = access;
	}

	@Operation(summary = "My partner access",
			description = "Whether the member asked for partner access and what an administrator decided: `status` "
					+ "NONE (never asked; every other field null), PENDING, APPROVED, REJECTED or REVOKED.")
	@ApiResponse(responseCode = "200", description = "The member's request")
	@ForbiddenAnswer("forbidden: a partner client's token")
	@GetMapping("/api/v1/auth/partner-access")
	AccessView mine(Member member) {
		return access.of(member.id());
	}

	@Operation(summary = "Ask for partner access",
			description = "Needs a verified e-mail address. An administrator approves or rejects the request; an "
					+ "approved member may create API clients. A rejected (or revoked) member may ask again. "
					+ "Recorded in the audit log (`PARTNER_ACCESS_REQUESTED`).")
	@ApiResponse(responseCode = "201", description = "Asked; status PENDING")
	@ValidationAnswers("validation-failed (`organisation` 1–120, `website` an http(s) address ≤ 200, `purpose` "
					+ "1–1000 characters); malformed-request")
	@ForbiddenAnswer("email-unverified; forbidden: a partner client's token")
	@ConflictAnswer("partner-access-exists: a request is pending or approved")
	@PostMapping("/api/v1/auth/partner-access")
	ResponseEntity<AccessView> ask(Member member, @Valid @RequestBody PartnerAccessRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(access.ask(member.id(), request));
	}

	@Operation(summary = "Partner access requests (administrators)",
			description = "The requests with `status` (all when absent), oldest first, at most 200.")
	@ApiResponse(responseCode = "200", description = "The requests")
	@ValidationAnswers("validation-failed: `status` is not a status")
	@ForbiddenAnswer("forbidden: not an administrator")
	@GetMapping("/api/v1/auth/admin/partner-access")
	Queue queue(Member administrator, @Parameter(description = "PENDING, APPROVED, REJECTED or REVOKED")
	@RequestParam(required = false) String status) {
		requireAdmin(administrator);
		return access.queue(status(status));
	}

	@Operation(summary = "Approve partner access (administrators)",
			description = "The member may create API clients from now on. Approving an approved request changes "
					+ "nothing. Recorded in the audit log (`PARTNER_ACCESS_APPROVED`, with the note).")
	@ApiResponse(responseCode = "200", description = "The request, approved")
	@ValidationAnswers("validation-failed (`note` ≤ 500 characters)")
	@ForbiddenAnswer("forbidden: not an administrator")
	@NotFoundAnswer("not-found: the member has not asked")
	@PostMapping("/api/v1/auth/admin/partner-access/{memberId}/approval")
	QueueItem approve(Member administrator, @PathVariable UUID memberId,
			@Valid @RequestBody(required = false) PartnerDecision decision) {
		requireAdmin(administrator);
		return access.approve(administrator.id(), memberId, decision == null ? null : decision.note());
	}

	@Operation(summary = "Reject a partner access request (administrators)",
			description = "Only a pending request; the member sees the note and may ask again. Recorded in the audit "
					+ "log (`PARTNER_ACCESS_REJECTED`).")
	@ApiResponse(responseCode = "200", description = "The request, rejected")
	@ValidationAnswers("validation-failed (`note` 1–500 characters)")
	@ForbiddenAnswer("forbidden: not an administrator")
	@NotFoundAnswer("not-found: the member has not asked")
	@ConflictAnswer("partner-access-state: the request is not pending")
	@PostMapping("/api/v1/auth/admin/partner-access/{memberId}/rejection")
	QueueItem reject(Member administrator, @PathVariable UUID memberId,
			@Valid @RequestBody PartnerDecision decision) {
		requireAdmin(administrator);
		return access.reject(administrator.id(), memberId, requiredNote(decision));
	}

	@Operation(summary = "Revoke partner access (administrators)",
			description = "Only approved access. Every API client of the member is revoked: the token endpoint refuses "
					+ "them at once, and their tokens are refused by the gateway and every service within 30 s. "
					+ "Recorded in the audit log (`PARTNER_ACCESS_REVOKED`).")
	@ApiResponse(responseCode = "200", description = "The request, revoked")
	@ValidationAnswers("validation-failed (`note` 1–500 characters)")
	@ForbiddenAnswer("forbidden: not an administrator")
	@NotFoundAnswer("not-found: the member has not asked")
	@ConflictAnswer("partner-access-state: the access is not approved")
	@PostMapping("/api/v1/auth/admin/partner-access/{memberId}/revocation")
	QueueItem revoke(Member administrator, @PathVariable UUID memberId,
			@Valid @RequestBody PartnerDecision decision) {
		requireAdmin(administrator);
		return access.revoke(administrator.id(), memberId, requiredNote(decision));
	}

	private static String requiredNote(PartnerDecision decision) {
		if (decision.note() == null || decision.note().isBlank()) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "note", "is required");
		}
		return decision.note();
	}

	private static PartnerAccessStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			PartnerAccessStatus parsed = PartnerAccessStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			if (parsed != PartnerAccessStatus.NONE) {
				return parsed;
			}
		}
		catch (IllegalArgumentException ignored) {
			// answered below
		}
		throw ApiException.forField(ProblemType.VALIDATION_FAILED, "status",
				"must be PENDING, APPROVED, REJECTED or REVOKED");
	}

	private static void requireAdmin(Member member) {
		if (!member.isAdmin()) {
			throw new ApiException(ProblemType.FORBIDDEN, "Only administrators may do this.");
		}
	}
}
