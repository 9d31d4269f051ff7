package dev.hitter.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh token presented to renew a session (refresh) or to end it (logout). */
public record RefreshRequest(
		@NotBlank(message = "is required") @Size(max = 200, message = "is too long") String refreshToken) {

	@Override
	public String toString() {
		return "RefreshRequest[refreshToken=***]";
	}
}
