package dev.hitter.auth.email;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.hitter.auth.signup.SignupRequest;

/** Move my account to {@code newEmail}; the current password proves it is me at the keyboard. */
public record EmailChangeRequest(
		@NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters")
		@Pattern(regexp = SignupRequest.EMAIL, message = "must be an email address like name@example.com")
		String newEmail,
		@NotNull(message = "is required") @Size(max = 1024, message = "must be at most 1024 characters")
		String currentPassword) {

	@Override
	public String toString() {
		return "EmailChangeRequest[newEmail=" + newEmail + ", currentPassword=***]";
	}
}
