package dev.hitter.auth.signup;

/**
 * The answer to every well-formed sign-up, whether or not the address was free: check your mail.
 *
 * @param email the address, as it will be used (trimmed, lower case)
 * @param next what the person does now: always {@code check-your-mail}
 */
public record SignupAccepted(String email, String next) {

	static SignupAccepted of(String email) {
		return new SignupAccepted(SignUpMember.normaliseEmail(email), "check-your-mail");
	}
}
