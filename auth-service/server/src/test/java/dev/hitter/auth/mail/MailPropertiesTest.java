package dev.hitter.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

class MailPropertiesTest {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void aPublicUrlThatIsNoAbsoluteWebAddressIsRefusedAtStartUp() {
		for (String url : new String[] { "hitter.example", "/relative", "ftp://hitter.example", "javascript:alert(1)",
				"https://hitter.example/?x=1", "https://hitter.example/#top" }) {
			assertThat(validator.validate(withUrl(url))).extracting(ConstraintViolation::getMessage)
				.as(url)
				.singleElement()
				.asString()
				.contains("HITTER_PUBLIC_URL");
		}
		assertThat(validator.validate(withUrl("https://hitter.example"))).isEmpty();
		assertThat(validator.validate(withUrl("http://127.0.0.1:8080/"))).isEmpty();
	}

	@Test
	void linksStartWithThePublicUrlWhateverItsTrailingSlash() {
		assertThat(withUrl("https://hitter.example/").link("/verify-email", "abc")).isEqualTo(
				"https://hitter.example/verify-email?token=abc");
		assertThat(withUrl("https://hitter.example/app").link("/verify-email", "abc")).isEqualTo(
				"https://hitter.example/app/verify-email?token=abc");
	}

	@Test
	void linkLifetimesStayBetweenAMinuteAndAWeek() {
		for (Duration ttl : new Duration[] { Duration.ofSeconds(59), Duration.ofDays(8), Duration.ZERO }) {
			MailProperties settings = new MailProperties("HITTER <no-reply@hitter.local>", URI.create("https://h.example"),
					Duration.ofHours(24), ttl, Duration.ofHours(24), 3);
			assertThat(validator.validate(settings)).extracting(ConstraintViolation::getMessage)
				.as(ttl.toString())
				.singleElement()
				.asString()
				.contains("LINK_TTL");
		}
	}

	private static MailProperties withUrl(String url) {
		return new MailProperties("HITTER <no-reply@hitter.local>", URI.create(url), Duration.ofHours(24),
				Duration.ofMinutes(30), Duration.ofHours(24), 3);
	}
}
