package dev.hitter.auth.signup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsALongPasswordWithLettersAndDigits() {
		assertThat(policy.check("hook-in-the-chorus-7", "minji@example.com")).isEmpty();
	}

	@Test
	void acceptsAKoreanPassphraseWithADigit() {
		assertThat(policy.check("후렴구가좋은노래2026", "minji@example.com")).isEmpty();
	}

	@Test
	void refusesShortLettersOnlyCommonAndEmailPasswords() {
		assertThat(policy.check("abc123!", "minji@example.com")).contains(PasswordPolicy.RULE);
		assertThat(policy.check("onlylettershere", "minji@example.com")).contains(PasswordPolicy.RULE);
		assertThat(policy.check("1234567890", "minji@example.com")).contains(PasswordPolicy.RULE);
		assertThat(policy.check("Password123", "minji@example.com")).contains(PasswordPolicy.RULE);
		assertThat(policy.check("minji-rocks-2026", "minji@example.com")).contains(PasswordPolicy.RULE);
		assertThat(policy.check("x1".repeat(65), "minji@example.com")).contains(PasswordPolicy.RULE);
	}
}
