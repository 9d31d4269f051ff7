package dev.hitter.prediction.publication;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Published audio and lyrics.
 *
 * @param quotaPerMember the published audio one member may keep in all (409 publication-quota-exceeded past it)
 * @param ticketLifetime how long a listening ticket (the address an {@code <audio>} element plays) stays valid; the
 *     web app asks for a new one at each press of play
 */
@Validated
@ConfigurationProperties("hitter.prediction.publication")
public record PublicationProperties(@NotNull @DefaultValue("300MB") DataSize quotaPerMember,
		@NotNull @DefaultValue("10m") Duration ticketLifetime) {
}
