package dev.hitter.kit.outbox;

/**
 * Delivers one type of outbox message, typically by calling the destination's internal endpoint with an
 * OpenFeign client configured with {@code InternalClientConfiguration}. A normal return means delivered; any
 * exception means "try again later" ({@link UndeliverableMessage}: never).
 */
public interface OutboxHandler {

	/** The {@link OutboxMessage#type()} this handler delivers. */
	String type();

	void deliver(OutboxMessage message) throws Exception;
}
