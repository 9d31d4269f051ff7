package dev.hitter.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Gateway settings beyond the routes themselves.
 *
 * @param services each backend service by name and base URL; the gateway is healthy only when all are ready
 * @param readinessTimeout how long a readiness check of one service may take
 * @param corsAllowedOrigins browser origins allowed to call the API directly (the SPA's dev server)
 */
@Validated
@ConfigurationProperties("hitter.gateway")
public record EdgeProperties(@NotEmpty Map<String, URI> services,
		@NotNull @DefaultValue("2s") Duration readinessTimeout,
		@DefaultValue("http://localhost:5173") List<String> corsAllowedOrigins) {
}
