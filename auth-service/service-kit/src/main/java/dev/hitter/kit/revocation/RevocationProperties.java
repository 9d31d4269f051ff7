package dev.hitter.kit.revocation;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this service follows auth-service's revoked members.
 *
 * @param poll how often the feed is read ({@code HITTER_REVOCATION_POLL}); at most 20 s, so that a deleted or
 *     suspended member's token is refused within 30 s everywhere
 * @param feedUri auth-service's feed ({@code HITTER_AUTH_URL} + {@code /internal/v1/revocations})
 */
@Validated
@ConfigurationProperties("hitter.revocation")
public record RevocationProperties(
		@NotNull @DefaultValue("10s") @DurationMin(millis = 100) @DurationMax(seconds = 20) Duration poll,
		@NotNull URI feedUri) {
}
