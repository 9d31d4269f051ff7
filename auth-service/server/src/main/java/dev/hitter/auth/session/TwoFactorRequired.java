package dev.hitter.auth.session;

/**
 * The password was right and the member has two-factor sign-in on: send {@code challenge} with a code to
 * {@code POST /api/v1/auth/login/two-factor} within {@code expiresIn} seconds.
 */
public record TwoFactorRequired(boolean twoFactorRequired, String challenge, long expiresIn) implements SignInAnswer {

	TwoFactorRequired(String challenge, long expiresIn) {
		this(true, challenge, expiresIn);
	}

	@Override
	public String toString() {
		return "TwoFactorRequired[challenge=***, expiresIn=" + expiresIn + "]";
	}
}
