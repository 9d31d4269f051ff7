package dev.hitter.auth.partner;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** An approved member creates an API client: a name they recognise it by and the scopes it may ask for. */
public record NewPartnerClient(
		@NotBlank(message = "is required") @Size(max = 80, message = "must be at most 80 characters") String name,
		@NotEmpty(message = "must name at least one of predictions:read, predictions:write, jobs:write")
		@Size(max = 3, message = "must name at most the three scopes") List<String> scopes) {
}
