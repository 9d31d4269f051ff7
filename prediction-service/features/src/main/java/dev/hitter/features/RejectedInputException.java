package dev.hitter.features;

/**
 * An upload the features library refuses to turn into features; the REST layer maps {@link #code()} to a
 * problem+json {@code type} and a 4xx status.
 *
 * <p>Every refusal of user input is a subclass, so a single handler catches them all. The message is written for a person (a producer uploading a song),
 * never contains a file path, and is safe to show.
 */
public abstract class RejectedInputException extends RuntimeException {

	private final String code;

	protected RejectedInputException(String code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	/** A stable, lower-case, hyphenated code such as {@code audio/not-audio}; part of the public API. */
	public String code() {
		return code;
	}
}
