package dev.hitter.auth.twofactor;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The request bodies of two-factor set-up and sign-in. */
public final class TwoFactorRequests {

	/** Six digits from the authenticator app; a space in the middle is allowed. */
	static final String CODE = "\\d{3} ?\\d{3}";

	/** A recovery code as shown ({@code XXXXX-XXXXX}), in any case, with or without the dash. */
	static final String RECOVERY_CODE = "[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}";

	private TwoFactorRequests() {
	}

	/** The first code from the app, proving it holds the secret. */
	public record Enable(@NotBlank(message = "is required") @Size(max = 16, message = "is too long")
	@Pattern(regexp = CODE, message = "must be the 6 digits the app shows") String code) {
	}

	/** Turning two-factor off: the password and a code (or a recovery code) together. */
	public record Disable(@NotBlank(message = "is required") @Size(max = 1024, message = "is too long") String password,
			@Size(max = 16, message = "is too long")
			@Pattern(regexp = CODE, message = "must be the 6 digits the app shows") String code,
			@Size(max = 16, message = "is too long")
			@Pattern(regexp = RECOVERY_CODE, message = "must be a recovery code like ABCDE-FGHJK") String recoveryCode) {

		@JsonIgnore
		@AssertTrue(message = "give either code or recoveryCode")
		public boolean isEitherCodeOrRecoveryCode() {
			return (code == null) != (recoveryCode == null);
		}

		@Override
		public String toString() {
			return "Disable[password=***, code=***, recoveryCode=***]";
		}
	}

	/** The second step of a sign-in: the challenge from the first, and a code or a recovery code. */
	public record SignIn(
			@NotBlank(message = "is required") @Size(max = 100, message = "is too long")
			@Pattern(regexp = "[A-Za-z0-9_-]+", message = "is not a challenge") String challenge,
			@Size(max = 16, message = "is too long")
			@Pattern(regexp = CODE, message = "must be the 6 digits the app shows") String code,
			@Size(max = 16, message = "is too long")
			@Pattern(regexp = RECOVERY_CODE, message = "must be a recovery code like ABCDE-FGHJK") String recoveryCode) {

		@JsonIgnore
		@AssertTrue(message = "give either code or recoveryCode")
		public boolean isEitherCodeOrRecoveryCode() {
			return (code == null) != (recoveryCode == null);
		}

		@Override
		public String toString() {
			return "SignIn[challenge=***, code=***, recoveryCode=***]";
		}
	}
}
