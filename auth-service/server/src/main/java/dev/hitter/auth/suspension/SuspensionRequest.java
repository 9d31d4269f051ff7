package dev.hitter.auth.suspension;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an administrator suspends a member (kept with the member until reinstated). */
public record SuspensionRequest(
		@NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters") String reason) {
}
