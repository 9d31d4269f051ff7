package dev.hitter.auth.partner;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member asks for partner access: who they are and what they will build. */
public record PartnerAccessRequest(
		@NotBlank(message = "is required") @Size(max = 120, message = "must be at most 120 characters") String organisation,
		@Size(max = 200, message = "must be at most 200 characters") String website,
		@NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String purpose) {

	/** An absolute http(s) address, or nothing. */
	boolean websiteIsValid() {
		if (website == null || website.isBlank()) {
			return true;
		}
		try {
			URI uri = new URI(website.strip());
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && uri.getUserInfo() == null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}
}
