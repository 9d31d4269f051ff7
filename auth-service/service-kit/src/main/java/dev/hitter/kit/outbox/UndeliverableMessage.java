package dev.hitter.kit.outbox;

/**
 * A message its destination refused for good (it answered 400 or 404 to it, say): trying again would only be refused
 * again. The relay gives up on it and keeps it, with the reason, for an operator.
 */
public class UndeliverableMessage extends RuntimeException {

	public UndeliverableMessage(String reason, Throwable cause) {
		super(reason, cause);
	}
}
