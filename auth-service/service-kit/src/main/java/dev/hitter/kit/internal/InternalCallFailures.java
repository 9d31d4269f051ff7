package dev.hitter.kit.internal;

import dev.hitter.kit.outbox.UndeliverableMessage;
import feign.FeignException;

/**
 * What an outbox handler makes of an internal call's failure: refusals that another attempt would meet again (400,
 * 404, 409, 422) give the message up; everything else — the callee down, slow, overloaded, or refusing our token
 * (keys rotated, a secret changed: the cached token is dropped) — is tried again later.
 */
public final class InternalCallFailures {

	private InternalCallFailures() {
	}

	public static RuntimeException classify(FeignException failure, ServiceTokens tokens) {
		int status = failure.status();
		if (status == 401 || status == 403) {
			tokens.forget();
			return failure;
		}
		if (status == 400 || status == 404 || status == 409 || status == 422) {
			return new UndeliverableMessage("refused with " + status, failure);
		}
		return failure;
	}
}
