package dev.hitter.auth.partner;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Partner access settings (docs/partner-api.md).
 *
 * @param tokenTtl how long a partner client's access token is valid; short, because a revoked client's tokens are
 *        refused only through the revocation feed, and a tool fetches a new one with its secret at any time
 * @param secretPepper the server-side key of the client secrets' HMAC-SHA256 ({@code HITTER_PARTNER_SECRET_PEPPER}):
 *        a copy of the table alone then cannot even confirm a guessed secret. Empty: a fixed built-in key, which is
 *        as strong as a plain SHA-256 — enough for 256-bit random secrets. Changing it voids every client secret.
 * @param maxActiveClients how many clients that are not revoked a member may have at once
 */
@Validated
@ConfigurationProperties("hitter.auth.partner")
public record PartnerProperties(@NotNull @DefaultValue("10m") Duration tokenTtl, @DefaultValue("") String secretPepper,
		@Min(1) @Max(100) @DefaultValue("10") int maxActiveClients) {

	@AssertTrue(message = "must be between 1m and 1h (HITTER_PARTNER_TOKEN_TTL)")
	public boolean isTokenTtlWithinBounds() {
		return tokenTtl == null
				|| (tokenTtl.compareTo(Duration.ofMinutes(1)) >= 0 && tokenTtl.compareTo(Duration.ofHours(1)) <= 0);
	}

	@Override
	public String toString() {
		return "PartnerProperties[tokenTtl=" + tokenTtl + ", secretPepper=***, maxActiveClients=" + maxActiveClients
				+ "]";
	}
}
