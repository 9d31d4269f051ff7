package dev.hitter.auth.partner;

import org.springframework.http.HttpStatus;

import dev.hitter.kit.problem.ProblemType;

/** Problem types of partner access (docs/problems.md lists every type). */
public final class PartnerProblems {

	/** The member asked for partner access while a request is pending or already approved. */
	public static final ProblemType PARTNER_ACCESS_EXISTS = new ProblemType("partner-access-exists",
			"Partner access is already requested or granted", HttpStatus.CONFLICT);

	/** Only members whose partner access an administrator approved may own API clients. */
	public static final ProblemType PARTNER_ACCESS_REQUIRED = new ProblemType("partner-access-required",
			"Partner access is required", HttpStatus.FORBIDDEN);

	/** An administrator's decision that does not apply to the request's state (reject an approved one, ...). */
	public static final ProblemType PARTNER_ACCESS_STATE = new ProblemType("partner-access-state",
			"The partner access request is not in a state this decision applies to", HttpStatus.CONFLICT);

	/** A member has as many active (not revoked) API clients as allowed. */
	public static final ProblemType TOO_MANY_CLIENTS = new ProblemType("too-many-clients",
			"Too many active API clients; revoke one first", HttpStatus.CONFLICT);

	private PartnerProblems() {
	}
}
