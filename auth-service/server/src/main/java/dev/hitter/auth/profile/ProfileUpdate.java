package dev.hitter.auth.profile;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to the member's profile: a field left out (or {@code null}) stays as it is; an empty affiliation or bio
 * removes it. Control characters are refused (a bio may have line breaks). Each pattern is one character class or
 * a single {@code .*}: linear in the input, however long and hostile.
 */
public record ProfileUpdate(
		@Size(min = 1, max = 50, message = "must be 1 to 50 characters")
		@Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
		@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String displayName,
		@Pattern(regexp = "(?i)artist|producer|label|other", message = "must be one of artist, producer, label, other")
		String kind,
		@Size(max = 100, message = "must be at most 100 characters")
		@Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String affiliation,
		@Size(max = 500, message = "must be at most 500 characters")
		@Pattern(regexp = "[\\r\\n[^\\p{Cntrl}]]*",
				message = "must not contain control characters other than line breaks") String bio) {
}
