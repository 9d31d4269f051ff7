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
				new AuthProperties.Admin(null, null, "Administrator"));
		assertThat(validator.validate(settings)).extracting(ConstraintViolation::getMessage)
			.singleElement()
			.asString()
			.contains("HITTER_REFRESH_TOKEN_MAX_LIFETIME");
	}

	@Test
	void maximumLoginLifetimeEqualToTheRefreshTokenTtlIsAccepted() {
		AuthProperties settings = new AuthProperties(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(30),
				new AuthProperties.Admin(null, null, "Administrator"));
		assertThat(validator.validate(settings)).isEmpty();
	}
}
