package dev.hitter.kit.internal;

/**
 * This service's current service token, for the {@code Authorization} header of an internal call. Implementations
 * cache the token until shortly before it expires.
 */
public interface ServiceTokens {

	/** A token valid for at least {@link ServiceCredentialProperties#renewBefore()} more. */
	String current();

	/** Drops the cached token (the callee refused it: keys rotated, secret changed); the next call fetches anew. */
	void forget();
}
