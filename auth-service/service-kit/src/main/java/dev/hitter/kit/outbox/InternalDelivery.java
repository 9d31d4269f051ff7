package dev.hitter.kit.outbox;

import java.util.UUID;

import dev.hitter.kit.internal.InternalCallFailures;
import dev.hitter.kit.internal.ServiceTokens;
import feign.FeignException;
import tools.jackson.databind.ObjectMapper;

/**
 * The usual outbox handler: reads a message's JSON payload and hands it, with the message id (the receiver's
 * idempotency key), to an internal OpenFeign call. A refused or failed call is classified the kit's one way — a
 * client error is never retried, an expired service token is renewed — so every service's deliveries behave alike.
 *
 * @param <P> the payload's type, as the message's producer wrote it
 */
public final class InternalDelivery<P> implements OutboxHandler {

	/** The internal call that delivers one payload. */
	@FunctionalInterface
	public interface Call<P> {

		void send(UUID messageId, P payload);
	}

	private final String type;

	private final Class<P> payloadType;

	private final ObjectMapper json;

	private final ServiceTokens tokens;

	private final Call<P> call;

	private InternalDelivery(String type, Class<P> payloadType, ObjectMapper json, ServiceTokens tokens, Call<P> call) {
		this.type = type;
		this.payloadType = payloadType;
		this.json = json;
		this.tokens = tokens;
		this.call = call;
	}

	public static <P> OutboxHandler of(String type, Class<P> payloadType, ObjectMapper json, ServiceTokens tokens,
			Call<P> call) {
		return new InternalDelivery<>(type, payloadType, json, tokens, call);
	}

	@Override
	public String type() {
		return type;
	}

	@Override
	public void deliver(OutboxMessage message) {
		P payload = json.readValue(message.payload(), payloadType);
		try {
			call.send(message.id(), payload);
		}
		catch (FeignException failure) {
			throw InternalCallFailures.classify(failure, tokens);
		}
	}
}
