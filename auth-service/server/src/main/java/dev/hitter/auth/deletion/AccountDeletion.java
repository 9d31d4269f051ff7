package dev.hitter.auth.deletion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Re-authentication before the account is deleted: the password, and with two-factor on a code from the app or a
 * recovery code.
 */
public record AccountDeletion(
		@NotBlank(message = "is required") @Size(max = 1024, message = "is too long") String currentPassword,
		@Size(max = 16, message = "is too long") String code) {

	@Override
	public String toString() {
		return "AccountDeletion[currentPassword=***, code=***]";
	}
}
