package dev.hitter.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Email and password, as typed at sign-in. */
public record LoginRequest(@NotBlank(message = "is required") @Size(max = 254, message = "is too long") String email,
		@NotBlank(message = "is required") @Size(max = 1024, message = "is too long") String password) {

	@Override
	public String toString() {
		return "LoginRequest[email=" + email + ", password=***]";
	}
}
