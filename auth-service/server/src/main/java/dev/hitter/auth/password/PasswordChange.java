package dev.hitter.auth.password;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The member's current password (re-authentication) and the new one. */
public record PasswordChange(
		@NotBlank(message = "is required") @Size(max = 1024, message = "is too long") String currentPassword,
		@NotNull(message = "is required") @Size(max = 1024, message = "is too long") String newPassword) {

	@Override
	public String toString() {
		return "PasswordChange[currentPassword=***, newPassword=***]";
	}
}
