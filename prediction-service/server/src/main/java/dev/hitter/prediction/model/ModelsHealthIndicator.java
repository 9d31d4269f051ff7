package dev.hitter.prediction.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import dev.hitter.serving.GenreStatus;
import dev.hitter.serving.ModelRegistry;

/**
 * The {@code models} health component, part of the readiness group: DOWN until every genre's models are served,
 * with each genre's version and notice, or why it has none.
 */
@Component("models")
class ModelsHealthIndicator implements HealthIndicator {

	private final ModelRegistry registry;

	ModelsHealthIndicator(ModelRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Health health() {
		Map<String, Object> genres = new LinkedHashMap<>();
		for (GenreStatus status : registry.status().values()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			if (status.servedVersion() != null) {
				detail.put("version", status.servedVersion());
				detail.put("notice", status.notice());
			}
			if (status.problem() != null) {
				detail.put("problem", status.problem());
			}
			genres.put(status.genre().name(), detail);
		}
		return (registry.isReady() ? Health.up() : Health.down()).withDetail("genres", genres).build();
	}
}
