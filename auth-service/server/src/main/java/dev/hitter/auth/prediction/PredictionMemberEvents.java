package dev.hitter.auth.prediction;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hitter.kit.outbox.Outbox;

/**
 * What prediction-service must learn about a member, as one line in the transaction of the change:
 * {@code predictionMemberEvents.erase(id)}, an outbox message delivered to prediction's internal erase hook however
 * long prediction-service is down (docs/internal-calls.md).
 */
@Component
public class PredictionMemberEvents {

	static final String DESTINATION = "prediction-service";

	static final String ERASE = "member-erase";

	private final Outbox outbox;

	PredictionMemberEvents(Outbox outbox) {
		this.outbox = outbox;
	}

	/** Every analysis, published audio and lyrics, batch job and like of the member goes. Needs a transaction. */
	public UUID erase(UUID member) {
		return outbox.enqueue(DESTINATION, ERASE, new EraseMessage(member));
	}

	record EraseMessage(UUID memberId) {
	}
}
