package dev.hitter.auth.admin;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.auth.admin.AdminMembers.AdminMember;
import dev.hitter.auth.admin.AdminMembers.MemberPage;
import dev.hitter.auth.audit.AuditEntries;
import dev.hitter.auth.audit.AuditEntries.AuditPage;
import dev.hitter.kit.apidocs.ConflictAnswer;
import dev.hitter.kit.apidocs.ForbiddenAnswer;
import dev.hitter.kit.apidocs.NotFoundAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The administrators' API: members, the ADMIN role, and the audit log. Every operation is refused to members. */
@RestController
@RequestMapping("/api/v1/auth/admin")
@Tag(name = "Administration", description = "Administrators only: members, roles, suspensions and the audit log")
@ForbiddenAnswer("forbidden: not an administrator")
class AdminController {

	static final int MAX_QUERY = 100;

	static final int MAX_CURSOR = 400;

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	private static final Pattern SEQUENCE = Pattern.compile("[1-9][0-9]{0,17}");

	private final AdminMembers members;

	private final AuditEntries audit;

	AdminController(AdminMembers members, AuditEntries audit) {
		this.members = members;
		this.audit = audit;
	}

	@Operation(summary = "Search members",
			description = "Members whose e-mail or display name contains `q` (any case), ordered by e-mail, "
					+ "`limit` at a time; pass the answer's `nextCursor` as `cursor` for the next page. Administrators "
					+ "only.")
	@ApiResponse(responseCode = "200", description = "A page of members")
	@ValidationAnswers("validation-failed: `q` over 100 characters or with control characters, a foreign `cursor`, "
			+ "`limit` outside 1–100")
	@GetMapping("/members")
	MemberPage search(Member member,
			@Parameter(description = "Part of an e-mail or display name; empty for everyone")
			@RequestParam(required = false) String q,
			@Parameter(description = "The `nextCursor` of the previous page")
			@RequestParam(required = false) String cursor,
			@Parameter(description = "Page size, 1–100 (20)") @RequestParam(required = false) String limit) {
		requireAdmin(member);
		if (q != null && (q.length() > MAX_QUERY || CONTROL.matcher(q).find())) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "q",
					"must be at most " + MAX_QUERY + " characters without control characters");
		}
		if (cursor != null && (cursor.length() > MAX_CURSOR || !cursor.matches("[A-Za-z0-9_-]+"))) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "cursor", "is not a cursor this API gave");
		}
		return members.search(q, cursor, limit(limit));
	}

	@Operation(summary = "Show a member", description = "Their e-mail, name, kind, roles, whether the address is "
			+ "verified and two-factor is on, and since when they are a member. Administrators only.")
	@ApiResponse(responseCode = "200", description = "The member")
	@ValidationAnswers("validation-failed: the id is not a UUID")
	@NotFoundAnswer("not-found: no such member")
	@GetMapping("/members/{id}")
	AdminMember member(Member member, @PathVariable UUID id) {
		requireAdmin(member);
		return members.get(id);
	}

	@Operation(summary = "Make a member an administrator",
			description = "Idempotent; recorded in the audit log (`ROLE_CHANGED`). The member's tokens carry the role "
					+ "from their next sign-in or refresh.")
	@ApiResponse(responseCode = "200", description = "The member, with the role")
	@ValidationAnswers("validation-failed: the id is not a UUID")
	@NotFoundAnswer("not-found: no such member")
	@PutMapping("/members/{id}/roles/ADMIN")
	AdminMember grantAdmin(Member member, @PathVariable UUID id) {
		requireAdmin(member);
		return members.grantAdmin(member.id(), id);
	}

	@Operation(summary = "Take the administrator role away",
			description = "Idempotent; refused for the last administrator (whoever asks, themselves included). "
					+ "Recorded in the audit log (`ROLE_CHANGED`). Access tokens already issued keep the role until "
					+ "they expire (HITTER_ACCESS_TOKEN_TTL).")
	@ApiResponse(responseCode = "200", description = "The member, without the role")
	@ValidationAnswers("validation-failed: the id is not a UUID")
	@NotFoundAnswer("not-found: no such member")
	@ConflictAnswer("last-administrator: nobody else is an administrator")
	@DeleteMapping("/members/{id}/roles/ADMIN")
	AdminMember revokeAdmin(Member member, @PathVariable UUID id) {
		requireAdmin(member);
		return members.revokeAdmin(member.id(), id);
	}

	@Operation(summary = "Read the audit log",
			description = "Security events (sign-ins and their failures, throttling, two-factor, password and e-mail "
					+ "changes, sessions ended, role changes, suspensions, deletions) and moderation events, newest "
					+ "first, `limit` at a time; filter by member and kind; pass `nextCursor` as `cursor` for older "
					+ "ones. Administrators only.")
	@ApiResponse(responseCode = "200", description = "A page of events")
	@ValidationAnswers("validation-failed: `memberId` not a UUID, `kind` not an upper-case kind, a foreign `cursor`, "
			+ "`limit` outside 1–100")
	@GetMapping("/audit")
	AuditPage audit(Member member,
			@Parameter(description = "Only this member's events") @RequestParam(required = false) UUID memberId,
			@Parameter(description = "Only this kind, e.g. LOGIN_FAILED") @RequestParam(required = false) String kind,
			@Parameter(description = "The `nextCursor` of the previous page")
			@RequestParam(required = false) String cursor,
			@Parameter(description = "Page size, 1–100 (20)") @RequestParam(required = false) String limit) {
		requireAdmin(member);
		if (kind != null && !KIND.matcher(kind).matches()) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "kind",
					"must be upper-case letters, digits and underscores, at most 40");
		}
		if (cursor != null && !SEQUENCE.matcher(cursor).matches()) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "cursor", "is not a cursor this API gave");
		}
		return audit.list(memberId, kind, cursor == null ? null : Long.valueOf(cursor), limit(limit));
	}

	private static int limit(String limit) {
		if (limit == null) {
			return 20;
		}
		if (!limit.matches("[0-9]{1,3}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > 100) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "limit", "must be a number from 1 to 100");
		}
		return Integer.parseInt(limit);
	}

	private static void requireAdmin(Member member) {
		if (!member.isAdmin()) {
			throw new ApiException(ProblemType.FORBIDDEN, "Only administrators may do this.");
		}
	}
}
