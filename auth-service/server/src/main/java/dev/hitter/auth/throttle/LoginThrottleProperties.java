package dev.hitter.auth.throttle;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How failed sign-ins slow the next attempt (docs/accounts.md, "Sign-in protection").
 *
 * @param accountFreeFailures failures with one e-mail (any address) before delays start: a member who mistypes a few
 *        times never waits
 * @param addressFreeFailures failures from one client address (any e-mail) before delays start: higher, since many
 *        members can share an address (an office, a carrier's NAT)
 * @param firstDelay the delay after the first failure past the free ones; each further failure doubles it
 * @param maxDelay the longest delay: what bounds how long an attacker can keep a member out with wrong passwords
 * @param forgetAfter failures are forgotten this long after the last one
 * @param knownAddressFor how long an address a member signed in from stays theirs: failures of their e-mail from
 *        elsewhere do not slow them there (only failures at that address do)
 */
@Validated
@ConfigurationProperties("hitter.auth.login-throttle")
public record LoginThrottleProperties(@Min(0) @Max(1000) @DefaultValue("5") int accountFreeFailures,
		@Min(0) @Max(10000) @DefaultValue("20") int addressFreeFailures,
		@NotNull @DefaultValue("1s") Duration firstDelay, @NotNull @DefaultValue("15m") Duration maxDelay,
		@NotNull @DefaultValue("6h") Duration forgetAfter, @NotNull @DefaultValue("90d") Duration knownAddressFor) {

	@AssertTrue(message = "must be positive and at most hitter.auth.login-throttle.max-delay "
			+ "(HITTER_LOGIN_THROTTLE_FIRST_DELAY <= HITTER_LOGIN_THROTTLE_MAX_DELAY)")
	public boolean isFirstDelayWithinMax() {
		return firstDelay == null || maxDelay == null
				|| (!firstDelay.isZero() && !firstDelay.isNegative() && firstDelay.compareTo(maxDelay) <= 0);
	}

	@AssertTrue(message = "must be between 1s and 24h (HITTER_LOGIN_THROTTLE_MAX_DELAY): longer locks members out")
	public boolean isMaxDelayBounded() {
		return maxDelay == null
				|| (maxDelay.compareTo(Duration.ofSeconds(1)) >= 0 && maxDelay.compareTo(Duration.ofHours(24)) <= 0);
	}

	@AssertTrue(message = "must be at least hitter.auth.login-throttle.max-delay (HITTER_LOGIN_THROTTLE_FORGET_AFTER)")
	public boolean isForgetAfterAtLeastTheMaxDelay() {
		return forgetAfter == null || maxDelay == null || forgetAfter.compareTo(maxDelay) >= 0;
	}

	/** The account curve. */
	DelayCurve accountCurve() {
		return new DelayCurve(accountFreeFailures, firstDelay, maxDelay);
	}

	/** The address curve. */
	DelayCurve addressCurve() {
		return new DelayCurve(addressFreeFailures, firstDelay, maxDelay);
	}

}
