package dev.hitter.auth;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * auth-service settings.
 *
 * @param accessTokenTtl how long an access token is valid; short, since it cannot be revoked
 * @param refreshTokenTtl how long a login lasts without activity before the member must sign in again
 * @param admin the first administrator, created or promoted at start-up when an email is given
 */
@Validated
@ConfigurationProperties("hitter.auth")
public record AuthProperties(@NotNull @DefaultValue("15m") Duration accessTokenTtl,
		@NotNull @DefaultValue("30d") Duration refreshTokenTtl, @Valid @DefaultValue Admin admin) {

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
