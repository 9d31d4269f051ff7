package dev.hitter.auth.throttle;

import java.time.Duration;

/**
 * The delay a key must wait after its n-th failure: none for the free failures, then {@code first}, doubling with
 * each failure, never more than {@code max}.
 */
record DelayCurve(int freeFailures, Duration first, Duration max) {

	Duration after(int failures) {
		int past = failures - freeFailures;
		if (past <= 0) {
			return Duration.ZERO;
		}
		// 2^40 seconds is far past any max: stop doubling before the long overflows.
		int doublings = Math.min(past - 1, 40);
		Duration delay = first.multipliedBy(1L << doublings);
		return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
	}
}
