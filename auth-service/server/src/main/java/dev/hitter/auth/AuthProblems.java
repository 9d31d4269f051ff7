package dev.hitter.auth;

import org.springframework.http.HttpStatus;

import dev.hitter.kit.problem.ProblemType;

/** Problem types only auth-service answers with (docs/problems.md lists every type). */
public final class AuthProblems {

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

	/** The service token endpoint speaks only the client credentials grant (OAuth2 unsupported_grant_type). */
	public static final ProblemType UNSUPPORTED_GRANT_TYPE = new ProblemType("unsupported-grant-type",
			"This grant type is not supported", HttpStatus.BAD_REQUEST);

	private AuthProblems() {
	}
}
