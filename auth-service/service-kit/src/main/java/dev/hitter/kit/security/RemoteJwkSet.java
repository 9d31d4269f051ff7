package dev.hitter.kit.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * auth-service's public keys as every token check reads them (each servlet service and the gateway): fetched over
 * HTTP, cached, and fetched again for a token naming an unknown key id — a key another auth-service replica has
 * just created — but at most twice per {@link #REFETCH_INTERVAL}. Without that limit, each forged token with a
 * made-up {@code kid} turned into one request to auth-service.
 */
public final class RemoteJwkSet {

	/** Nimbus allows two fetches per interval (one for an expired cache, one for a new key). */
	public static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);

	private static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);

	private static final Duration CACHE_REFRESH_TIMEOUT = Duration.ofSeconds(15);

	// Nimbus' own defaults are 500 ms; a busy auth-service on a small machine deserves more before a 401.
	private static final int HTTP_TIMEOUT_MILLIS = 2_000;

	private static final int HTTP_SIZE_LIMIT = 50 * 1024;

	private RemoteJwkSet() {
	}

	public static JWKSource<SecurityContext> of(URI jwkSetUri) {
		JWKSource<SecurityContext> keys;
		try {
			keys = JWKSourceBuilder
				.<SecurityContext>create(jwkSetUri.toURL(),
						new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, HTTP_SIZE_LIMIT))
				.cache(CACHE_TIME_TO_LIVE.toMillis(), CACHE_REFRESH_TIMEOUT.toMillis())
				.refreshAheadCache(false)
				.rateLimited(REFETCH_INTERVAL.toMillis())
				// Keys are never withdrawn: while auth-service is down, the last set it published still holds.
				.outageTolerantForever()
				.build();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException("hitter.security.jwk-set-uri is not a URL: " + jwkSetUri, ex);
		}
		return (selector, context) -> {
			try {
				return keys.get(selector, context);
			}
			catch (KeySourceException ex) {
				if (isRateLimited(ex)) {
					// No fetch allowed now, so no key for this kid: the token is refused (401), not the request (500).
					return List.of();
				}
				throw ex;
			}
		};
	}

	private static boolean isRateLimited(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RateLimitReachedException) {
				return true;
			}
		}
		return false;
	}
}
