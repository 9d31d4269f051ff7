package dev.hitter.auth.token;

import java.time.Duration;

/**
 * How long one kind of token auth-service signs stays valid. A retired signing key stays in the key set until the
 * longest of these (plus the clock skew every check allows) has passed since it stopped signing, so that no token it
 * signed is refused before it expires. Each kind of token declares one as a bean.
 */
@FunctionalInterface
public interface TokenLifetime {

	Duration ttl();
}
