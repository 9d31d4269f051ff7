package dev.hitter.auth.reset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The reset link's token and the new password. */
public record PasswordResetConfirmation(
		@NotBlank(message = "is required") @Size(max = 128, message = "must be at most 128 characters") String token,
		@NotNull(message = "is required") String newPassword) {

	@Override
	public String toString() {
		return "PasswordResetConfirmation[***]";
	}
}
