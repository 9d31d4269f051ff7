package dev.hitter.kit.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A kind of error a client can tell apart by its stable {@code type} URI (RFC 9457).
 * The slug is part of the public API: never rename one, add a new one instead.
 */
public record ProblemType(String slug, String title, HttpStatus status) {

	/** Every HITTER problem type lives under this base; docs/problems.md lists them. */
	public static final String BASE_URI = "https://hitter.dev/problems/";

	public static final ProblemType VALIDATION_FAILED = new ProblemType("validation-failed",
			"The request has invalid fields", HttpStatus.BAD_REQUEST);

	public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request",
			"The request body could not be read", HttpStatus.BAD_REQUEST);

	public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized",
			"A valid access token is required", HttpStatus.UNAUTHORIZED);

	public static final ProblemType FORBIDDEN = new ProblemType("forbidden",
			"You are not allowed to do this", HttpStatus.FORBIDDEN);

	/** Shared by every service that refuses members whose e-mail address is not verified yet. */
	public static final ProblemType EMAIL_UNVERIFIED = new ProblemType("email-unverified",
			"Verify your e-mail address first", HttpStatus.FORBIDDEN);

	public static final ProblemType NOT_FOUND = new ProblemType("not-found", "No such resource",
			HttpStatus.NOT_FOUND);

	public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed",
			"This method is not allowed here", HttpStatus.METHOD_NOT_ALLOWED);

	public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable",
			"No acceptable representation", HttpStatus.NOT_ACCEPTABLE);

	public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type",
			"This content type is not supported here", HttpStatus.UNSUPPORTED_MEDIA_TYPE);

	public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large",
			"The request is larger than allowed", HttpStatus.CONTENT_TOO_LARGE);

	public static final ProblemType TOO_MANY_REQUESTS = new ProblemType("too-many-requests",
			"Too many requests; retry later", HttpStatus.TOO_MANY_REQUESTS);

	/** A partner client's token lacks the scope an operation needs, or the operation is not open to clients at all. */
	public static final ProblemType INSUFFICIENT_SCOPE = new ProblemType("insufficient-scope",
			"The token's scopes do not allow this", HttpStatus.FORBIDDEN);

	/** The gateway's limits per client, per member and per address: retry after the Retry-After seconds. */
	public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", "Too many requests; slow down",
			HttpStatus.TOO_MANY_REQUESTS);

	public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType("service-unavailable",
			"The service is unavailable; retry later", HttpStatus.SERVICE_UNAVAILABLE);

	public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error",
			"Something went wrong on our side", HttpStatus.INTERNAL_SERVER_ERROR);

	public URI uri() {
		return URI.create(BASE_URI + slug);
	}

	/** The generic type for a status when nothing more specific is known. */
	public static ProblemType forStatus(int status) {
		return switch (status) {
			case 400 -> VALIDATION_FAILED;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> TOO_MANY_REQUESTS;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
		};
	}
}
