package dev.hitter.prediction.job;

/** A job's webhook: none asked for, due (or being called), delivered, or given up after its attempts. */
public enum WebhookState {
	NONE, PENDING, DELIVERED, FAILED
}
