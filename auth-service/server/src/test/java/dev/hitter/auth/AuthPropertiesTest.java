package dev.hitter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

class AuthPropertiesTest {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void maximumLoginLifetimeShorterThanARefreshTokenIsRefusedAtStartUp() {
		AuthProperties settings = new AuthProperties(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(7),
				Duration.ofSeconds(10), new AuthProperties.Admin(null, null, "Administrator"));
		assertThat(validator.validate(settings)).extracting(ConstraintViolation::getMessage)
			.singleElement()
			.asString()
			.contains("HITTER_REFRESH_TOKEN_MAX_LIFETIME");
	}

	@Test
	void maximumLoginLifetimeEqualToTheRefreshTokenTtlIsAccepted() {
		AuthProperties settings = new AuthProperties(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(30),
				Duration.ofSeconds(10), new AuthProperties.Admin(null, null, "Administrator"));
		assertThat(validator.validate(settings)).isEmpty();
	}

	@Test
	void reuseGraceIsAtMostAMinuteAndNeverNegative() {
		for (Duration grace : new Duration[] { Duration.ofSeconds(-1), Duration.ofSeconds(61) }) {
			assertThat(validator.validate(withGrace(grace))).extracting(ConstraintViolation::getMessage)
				.as(grace.toString())
				.singleElement()
				.asString()
				.contains("HITTER_REFRESH_REUSE_GRACE");
		}
		assertThat(validator.validate(withGrace(Duration.ZERO))).isEmpty();
		assertThat(validator.validate(withGrace(Duration.ofMinutes(1)))).isEmpty();
		assertThat(validator.validate(withGrace(null))).isNotEmpty();
	}

	private static AuthProperties withGrace(Duration grace) {
		return new AuthProperties(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(90), grace,
				new AuthProperties.Admin(null, null, "Administrator"));
	}
}
