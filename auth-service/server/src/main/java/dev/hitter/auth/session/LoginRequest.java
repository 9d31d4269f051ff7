package dev.hitter.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** Email and password, as typed at sign-in. */
public record LoginRequest(@Schema(example = "min-ji@example.com") @NotBlank(message = "is required")
		@Size(max = 254, message = "is too long") String email,
		@Schema(example = "tempo-128-bpm!") @NotBlank(message = "is required")
		@Size(max = 1024, message = "is too long") String password) {

	@Override
	public String toString() {
		return "LoginRequest[email=" + email + ", password=***]";
	}
}
