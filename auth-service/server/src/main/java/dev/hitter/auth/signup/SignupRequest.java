package dev.hitter.auth.signup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a person sends to become a member. */
public record SignupRequest(
		@NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters")
		@Pattern(regexp = EMAIL, message = "must be an email address like name@example.com")
		@Schema(example = "min-ji@example.com") String email,
		@Schema(example = "tempo-128-bpm!") @NotNull(message = "is required") String password,
		@NotBlank(message = "is required") @Size(max = 50, message = "must be at most 50 characters")
		@Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
		@Schema(example = "Min-ji") String displayName,
		@NotBlank(message = "is required")
		@Pattern(regexp = "(?i)artist|producer|label|other", message = "must be one of artist, producer, label, other")
		@Schema(example = "producer") String kind) {

	// Deliberately stricter than RFC 5322 (which allows "a@b"): one @, a dot in the domain, no spaces.
	public static final String EMAIL = "\\s*[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)*\\.[^@\\s.]{2,}\\s*";
}
