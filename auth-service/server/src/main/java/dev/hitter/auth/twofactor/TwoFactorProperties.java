package dev.hitter.auth.twofactor;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * TOTP two-factor sign-in (docs/accounts.md, "Two-factor").
 *
 * @param issuer the name authenticator apps show above the code (the {@code otpauth://} URI's issuer)
 * @param challengeTtl how long the second step of a sign-in may take after the password was right
 * @param challengeMaxFailures wrong codes one challenge takes before it is spent and the member must sign in again
 *        (each wrong code is also charged to the login throttle)
 */
@Validated
@ConfigurationProperties("hitter.auth.two-factor")
public record TwoFactorProperties(
		@NotBlank @Pattern(regexp = "[^:\\p{Cntrl}]{1,40}", message = "must be 1–40 characters without ':'")
		@DefaultValue("HITTER") String issuer,
		@NotNull @DefaultValue("5m") Duration challengeTtl,
		@Min(1) @Max(20) @DefaultValue("5") int challengeMaxFailures) {

	@AssertTrue(message = "must be between 30s and 30m (HITTER_TWO_FACTOR_CHALLENGE_TTL)")
	public boolean isChallengeTtlBounded() {
		return challengeTtl == null || (challengeTtl.compareTo(Duration.ofSeconds(30)) >= 0
				&& challengeTtl.compareTo(Duration.ofMinutes(30)) <= 0);
	}
}
