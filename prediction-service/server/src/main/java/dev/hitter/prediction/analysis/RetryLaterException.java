package dev.hitter.prediction.analysis;

import java.time.Duration;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/** A refusal for lack of capacity: answered with {@code Retry-After} so that clients back off instead of piling up. */
public class RetryLaterException extends ApiException {

	private final Duration retryAfter;

	public RetryLaterException(ProblemType type, String detail, Duration retryAfter) {
		super(type, detail);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	/** Whole seconds, at least one, as the {@code Retry-After} header wants them. */
	public String retryAfterSeconds() {
		return Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
	}
}
