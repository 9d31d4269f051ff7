package dev.hitter.auth;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * auth-service settings.
 *
 * @param accessTokenTtl how long an access token is valid; short, since it cannot be revoked
 * @param refreshTokenTtl how long a login lasts without activity before the member must sign in again
 * @param refreshTokenMaxLifetime how long a login lasts at most, however often it is refreshed, counted from the
 *        sign-in that started it: a stolen refresh token kept in use must not live forever
 * @param refreshReuseGrace how long the refresh token rotated last in a login is still accepted once more (and
 *        answered with a sibling in the same login) instead of counting as a replay: two tabs of the web app share
 *        one refresh cookie and may both refresh with it at once; zero turns the grace off (docs/identity.md)
 * @param admin the first administrator, created or promoted at start-up when an email is given
 */
@Validated
@ConfigurationProperties("hitter.auth")
public record AuthProperties(@NotNull @DefaultValue("15m") Duration accessTokenTtl,
		@NotNull @DefaultValue("30d") Duration refreshTokenTtl,
		@NotNull @DefaultValue("90d") Duration refreshTokenMaxLifetime,
		@NotNull @DefaultValue("10s") Duration refreshReuseGrace, @Valid @DefaultValue Admin admin) {

	/** Longer would let a replayed, stolen token pass for longer than any race between tabs needs. */
	static final Duration MAX_REFRESH_REUSE_GRACE = Duration.ofMinutes(1);

	@AssertTrue(message = "must be at least hitter.auth.refresh-token-ttl (HITTER_REFRESH_TOKEN_MAX_LIFETIME "
			+ ">= HITTER_REFRESH_TOKEN_TTL)")
	public boolean isRefreshTokenMaxLifetimeAtLeastTheTtl() {
		return refreshTokenTtl == null || refreshTokenMaxLifetime == null
				|| refreshTokenMaxLifetime.compareTo(refreshTokenTtl) >= 0;
	}

	@AssertTrue(message = "must be between 0s and 1m (HITTER_REFRESH_REUSE_GRACE)")
	public boolean isRefreshReuseGraceWithinBounds() {
		return refreshReuseGrace == null
				|| (!refreshReuseGrace.isNegative() && refreshReuseGrace.compareTo(MAX_REFRESH_REUSE_GRACE) <= 0);
	}

	/**
	 * The bootstrap administrator. The password comes from the environment or a secret, never from the
	 * repository; with no email set, nobody is promoted.
	 */
	public record Admin(String email, String password, @DefaultValue("Administrator") String displayName) {

		@Override
		public String toString() {
			return "Admin[email=" + email + ", password=***, displayName=" + displayName + "]";
		}
	}
}
