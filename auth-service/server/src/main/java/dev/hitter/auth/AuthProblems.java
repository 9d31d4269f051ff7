package dev.hitter.auth;

import org.springframework.http.HttpStatus;

import dev.hitter.kit.problem.ProblemType;

/** Problem types only auth-service answers with (docs/problems.md lists every type). */
public final class AuthProblems {

	/**
	 * No longer answered by sign-up, which must not tell whether an address is registered; kept for the
	 * administrator bootstrap's message and because a slug is never reused.
	 */
	public static final ProblemType EMAIL_TAKEN = new ProblemType("email-taken",
			"This email is already registered", HttpStatus.CONFLICT);

	/** Deliberately the same for an unknown email and a wrong password. */
	public static final ProblemType INVALID_CREDENTIALS = new ProblemType("invalid-credentials",
			"Email or password is wrong", HttpStatus.UNAUTHORIZED);

	public static final ProblemType INVALID_REFRESH_TOKEN = new ProblemType("invalid-refresh-token",
			"The refresh token is not valid; sign in again", HttpStatus.UNAUTHORIZED);

	/** A mailed link that is unknown, spent, expired, for another purpose, member or address: all alike. */
	public static final ProblemType INVALID_LINK = new ProblemType("invalid-link",
			"This link is not valid or has expired", HttpStatus.FORBIDDEN);

	/** Re-authentication before a sensitive change (the e-mail address) failed. */
	public static final ProblemType CURRENT_PASSWORD_WRONG = new ProblemType("current-password-wrong",
			"The current password is wrong", HttpStatus.FORBIDDEN);

	private AuthProblems() {
	}
}
