package dev.hitter.features.cli;

/** The command line is wrong; the message says how, and the tool prints its usage. */
public final class UsageException extends RuntimeException {

	public UsageException(String message) {
		super(message);
	}
}
