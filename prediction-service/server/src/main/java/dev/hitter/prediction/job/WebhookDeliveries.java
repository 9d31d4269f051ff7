package dev.hitter.prediction.job;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A job's webhook delivery log as its member sees it: the newest calls first (at most
 * {@link JobStore#DELIVERY_LOG_SIZE}), the delivery's state, and when the next call is due while one is pending.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookDeliveries(List<Call> items, WebhookState state, Instant nextAttemptAt) {

	/** What one call's outcome was: the receiver answered 2xx, or not. */
	@Schema(name = "WebhookDeliveryOutcome")
	public enum Outcome {
		DELIVERED, FAILED
	}

	/**
	 * One call.
	 *
	 * @param deliveryId the {@code Hitter-Delivery} header sent: the job's id, or a redelivery's own id
	 * @param attempt the call's number within its delivery, from 1
	 * @param status the receiver's HTTP status; null when no answer came
	 * @param error our own words for a failure (never the receiver's reply); null when delivered
	 * @param redelivery whether the call belongs to a redelivery asked for after the job's first delivery ended
	 */
	@Schema(name = "WebhookDelivery")
	public record Call(String deliveryId, int attempt, Instant attemptedAt, Integer status, Outcome outcome,
			String error, long durationMs, boolean redelivery) {
	}

	static Call call(JobStore.DeliveryRow row) {
		return new Call(row.deliveryId(), row.attempt(), row.attemptedAt(), row.status(),
				row.delivered() ? Outcome.DELIVERED : Outcome.FAILED, row.error(), row.durationMs(), row.redelivery());
	}
}
