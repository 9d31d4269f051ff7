package dev.hitter.auth.reset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "I forgot my password": where to send the link. Any well-formed value is accepted, known or not. */
public record PasswordResetRequest(
		@NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters") String email) {
}
