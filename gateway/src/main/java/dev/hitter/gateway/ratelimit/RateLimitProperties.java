package dev.hitter.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's rate limits on {@code /api/**} (docs/reliability.md "Rate limits"): token buckets kept in this
 * replica's memory, so with several gateway replicas the effective limit is replicas × limit.
 *
 * @param enabled {@code HITTER_RATE_LIMITS_ENABLED}; off only for measuring the services themselves
 * @param client per partner API client (the token's {@code client_id}): {@code HITTER_RATE_LIMIT_CLIENT_PER_SECOND},
 *     {@code HITTER_RATE_LIMIT_CLIENT_BURST}
 * @param member per member (the token's {@code sub}): all of a member's clients and sessions together, so that ten
 *     clients do not get ten times the share; {@code HITTER_RATE_LIMIT_MEMBER_PER_SECOND},
 *     {@code HITTER_RATE_LIMIT_MEMBER_BURST}
 * @param address per client address for calls without a token (sign-in, sign-up, refresh, the token endpoints):
 *     {@code HITTER_RATE_LIMIT_ADDRESS_PER_SECOND}, {@code HITTER_RATE_LIMIT_ADDRESS_BURST}; an IPv6 address counts
 *     by its /64, which one subscriber usually holds whole
 * @param maxTracked buckets kept per kind ({@code HITTER_RATE_LIMIT_MAX_TRACKED}); past it the least recently used is
 *     dropped, so an attacker rotating addresses bounds the memory (about 200 bytes a bucket) instead of filling it
 */
@Validated
@ConfigurationProperties("hitter.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
		@Valid @NotNull @DefaultValue({ "10", "50" }) Limit client,
		@Valid @NotNull @DefaultValue({ "30", "120" }) Limit member,
		@Valid @NotNull @DefaultValue({ "10", "50" }) Limit address,
		@Min(100) @Max(10_000_000) @DefaultValue("50000") int maxTracked) {

	/**
	 * One token bucket's shape.
	 *
	 * @param perSecond requests per second it refills (fractions allowed)
	 * @param burst requests it holds when full: what may come at once after a quiet while
	 */
	public record Limit(@DecimalMin(value = "0.001") @DecimalMax("1000000") double perSecond,
			@Min(1) @Max(10_000_000) int burst) {
	}
}
