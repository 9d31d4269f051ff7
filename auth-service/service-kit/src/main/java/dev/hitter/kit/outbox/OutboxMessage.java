package dev.hitter.kit.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A message waiting in a service's {@code outbox_message} table to be delivered to another service.
 *
 * @param id the message id: receivers are idempotent by it (a second delivery of the same id changes nothing)
 * @param destination the receiving service, e.g. {@code community-service}
 * @param type what the message says, e.g. {@code analysis-liked}; it selects the {@link OutboxHandler}
 * @param payload the message's JSON, as {@link Outbox#enqueue} wrote it
 * @param attempts delivery attempts before this one
 */
public record OutboxMessage(UUID id, String destination, String type, String payload, int attempts,
		Instant createdAt) {
}
