package dev.hitter.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

class LoginThrottlePropertiesTest {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void theShippedSettingsAreValid() {
		assertThat(validator.validate(settings(Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(6))))
			.isEmpty();
	}

	@Test
	void aLockOutLongerThanADayOrAFirstDelayPastTheCapIsRefusedAtStartUp() {
		assertThat(messages(settings(Duration.ofSeconds(1), Duration.ofHours(25), Duration.ofHours(30))))
			.anyMatch(message -> message.contains("HITTER_LOGIN_THROTTLE_MAX_DELAY"));
		assertThat(messages(settings(Duration.ofMinutes(20), Duration.ofMinutes(15), Duration.ofHours(6))))
			.anyMatch(message -> message.contains("HITTER_LOGIN_THROTTLE_FIRST_DELAY"));
		assertThat(messages(settings(Duration.ZERO, Duration.ofMinutes(15), Duration.ofHours(6))))
			.anyMatch(message -> message.contains("HITTER_LOGIN_THROTTLE_FIRST_DELAY"));
		assertThat(messages(settings(Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(10))))
			.anyMatch(message -> message.contains("HITTER_LOGIN_THROTTLE_FORGET_AFTER"));
	}

	@Test
	void theCurveDoublesFromTheFirstDelayAfterTheFreeFailuresAndStopsAtTheCap() {
		DelayCurve curve = new DelayCurve(5, Duration.ofSeconds(1), Duration.ofMinutes(15));
		assertThat(curve.after(0)).isZero();
		assertThat(curve.after(5)).isZero();
		assertThat(curve.after(6)).isEqualTo(Duration.ofSeconds(1));
		assertThat(curve.after(10)).isEqualTo(Duration.ofSeconds(16));
		assertThat(curve.after(15)).isEqualTo(Duration.ofSeconds(512));
		assertThat(curve.after(16)).isEqualTo(Duration.ofMinutes(15));
		assertThat(curve.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
	}

	private java.util.List<String> messages(LoginThrottleProperties settings) {
		return validator.validate(settings).stream().map(ConstraintViolation::getMessage).toList();
	}

	private static LoginThrottleProperties settings(Duration first, Duration max, Duration forget) {
		return new LoginThrottleProperties(5, 20, first, max, forget, Duration.ofDays(90));
	}
}
