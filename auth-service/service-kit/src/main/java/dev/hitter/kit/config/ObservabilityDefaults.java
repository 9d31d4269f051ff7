package dev.hitter.kit.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tracing and log settings every workload shares, the gateway included (docs/observability.md), from HITTER's own
 * variables:
 * <ul>
 * <li>{@code HITTER_OTLP_ENDPOINT}: where spans go (OTLP over HTTP, the full traces URL, e.g.
 * {@code http://otel-collector:4318/v1/traces}). Unset, nothing is exported, but every request still gets a trace
 * id, continued from an incoming W3C {@code traceparent}, passed on to every call it makes and written in every log
 * line. Boot's own switch is the endpoint property's presence (an empty value counts as set and fails the start),
 * hence this translation instead of a placeholder.</li>
 * <li>{@code HITTER_TRACE_SAMPLING}: the share of requests traced for export (0.1 unless set). The gateway decides
 * for each request from outside, whatever the caller's {@code traceparent} says; the services follow its decision.</li>
 * <li>{@code HITTER_LOG_FORMAT}: {@code json} (Elastic Common Schema, one object per line, the request and trace ids
 * as fields), {@code logstash} or {@code gelf}; unset, the readable lines.</li>
 * </ul>
 * Added with the lowest precedence: Spring's own properties still override each.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

	static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("management.tracing.sampling.probability", environment.getProperty("HITTER_TRACE_SAMPLING", "0.1"));
		String endpoint = environment.getProperty("HITTER_OTLP_ENDPOINT", "").trim();
		if (!endpoint.isEmpty()) {
			settings.put(OTLP_ENDPOINT, endpoint);
		}
		String format = environment.getProperty("HITTER_LOG_FORMAT", "").trim().toLowerCase(Locale.ROOT);
		switch (format) {
			case "", "text" -> {
			}
			case "json", "ecs" -> settings.put("logging.structured.format.console", "ecs");
			case "logstash", "gelf" -> settings.put("logging.structured.format.console", format);
			default -> throw new IllegalStateException(
					"HITTER_LOG_FORMAT is '" + format + "': use json, logstash, gelf or text");
		}
		environment.getPropertySources().addLast(new MapPropertySource("hitterObservabilityDefaults", settings));
	}
}
