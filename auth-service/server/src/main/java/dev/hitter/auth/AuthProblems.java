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

	/** A service's client id or secret is missing or wrong at the service token endpoint (OAuth2 invalid_client). */
	public static final ProblemType INVALID_CLIENT = new ProblemType("invalid-client",
			"Client authentication failed", HttpStatus.UNAUTHORIZED);

	/** A signing key rotation is already under way: its new key is published and waits to sign. */
	public static final ProblemType SIGNING_KEY_ROTATION_UNDER_WAY = new ProblemType("signing-key-rotation-under-way",
			"A signing key rotation is already under way", HttpStatus.CONFLICT);

	/** The service token endpoint speaks only the client credentials grant (OAuth2 unsupported_grant_type). */
	public static final ProblemType UNSUPPORTED_GRANT_TYPE = new ProblemType("unsupported-grant-type",
			"This grant type is not supported", HttpStatus.BAD_REQUEST);

	/** Failed sign-ins (or two-factor codes) came too fast for this e-mail or this address; Retry-After says when. */
	public static final ProblemType LOGIN_THROTTLED = new ProblemType("login-throttled",
			"Too many failed sign-ins; try again later", HttpStatus.TOO_MANY_REQUESTS);

	/** The second step of a two-factor login: the code (or recovery code) is wrong or was used already. */
	public static final ProblemType INVALID_TWO_FACTOR_CODE = new ProblemType("invalid-two-factor-code",
			"The two-factor code is wrong", HttpStatus.UNAUTHORIZED);

	/** The second step of a two-factor login: the challenge is unknown, expired, used or spent by wrong codes. */
	public static final ProblemType INVALID_TWO_FACTOR_CHALLENGE = new ProblemType("invalid-two-factor-challenge",
			"The sign-in has expired; sign in again", HttpStatus.UNAUTHORIZED);

	public static final ProblemType TWO_FACTOR_ALREADY_ENABLED = new ProblemType("two-factor-already-enabled",
			"Two-factor sign-in is already on", HttpStatus.CONFLICT);

	public static final ProblemType TWO_FACTOR_NOT_ENABLED = new ProblemType("two-factor-not-enabled",
			"Two-factor sign-in is not on, or was not set up", HttpStatus.CONFLICT);

	/** A mailed link that is unknown, spent, expired, for another purpose, member or address: all alike. */
	public static final ProblemType INVALID_LINK = new ProblemType("invalid-link",
			"This link is not valid or has expired", HttpStatus.FORBIDDEN);

	/** Re-authentication before a sensitive change (the e-mail address) failed. */
	public static final ProblemType CURRENT_PASSWORD_WRONG = new ProblemType("current-password-wrong",
			"The current password is wrong", HttpStatus.FORBIDDEN);

	/** Taking ADMIN from the only member who has it would leave nobody to administer the service. */
	public static final ProblemType LAST_ADMINISTRATOR = new ProblemType("last-administrator",
			"The last administrator cannot lose the role", HttpStatus.CONFLICT);

	// Issue 13, deletion and suspension (docs/accounts.md "Deleting an account and your data").

	/** Deleting the account with two-factor on: the code (TOTP or recovery) is missing, wrong or used already. */
	public static final ProblemType SECOND_FACTOR_WRONG = new ProblemType("second-factor-wrong",
			"The two-factor code is wrong", HttpStatus.FORBIDDEN);

	/** A suspended member gave the right password: they may not sign in until an administrator reinstates them. */
	public static final ProblemType ACCOUNT_SUSPENDED = new ProblemType("account-suspended",
			"This account is suspended", HttpStatus.FORBIDDEN);

	/** An administrator tried to suspend themselves. */
	public static final ProblemType CANNOT_SUSPEND_SELF = new ProblemType("cannot-suspend-self",
			"Administrators cannot suspend themselves", HttpStatus.CONFLICT);

	/** "Download my data": prediction-service or community-service did not answer; nothing was sent. */
	public static final ProblemType DEPENDENCY_UNAVAILABLE = new ProblemType("dependency-unavailable",
			"A service this request needs is unavailable; retry later", HttpStatus.SERVICE_UNAVAILABLE);

	private AuthProblems() {
	}
}
