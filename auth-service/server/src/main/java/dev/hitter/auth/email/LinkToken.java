package dev.hitter.auth.email;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token of a mailed link, as the web app's page sends it back. */
public record LinkToken(@NotBlank(message = "is required") @Size(max = 128, message = "must be at most 128 characters")
		String token) {

	@Override
	public String toString() {
		return "LinkToken[***]";
	}
}
