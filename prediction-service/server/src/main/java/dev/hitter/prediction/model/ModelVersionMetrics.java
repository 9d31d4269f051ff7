package dev.hitter.prediction.model;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

import dev.hitter.serving.GenreStatus;
import dev.hitter.serving.ModelRegistry;

/**
 * {@code hitter.models.version.info}: 1 for each genre and the model-set version this replica serves, the series
 * replaced when a promotion or a rollback is picked up. After a promotion every replica should show the new version
 * within HITTER_MODELS_RELOAD_INTERVAL (the dashboard's "Model versions in use"); a replica still on the old one
 * failed to load the new (its readiness says why).
 */
@Component
class ModelVersionMetrics implements MeterBinder {

	private final ModelRegistry models;

	ModelVersionMetrics(ModelRegistry models) {
		this.models = models;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		MultiGauge versions = MultiGauge.builder("hitter.models.version.info")
			.description("1 for each genre's model-set version in service on this replica")
			.register(registry);
		Runnable update = () -> versions.register(rows(), true);
		models.onChange(update);
		update.run();
	}

	private List<MultiGauge.Row<?>> rows() {
		return models.status()
			.values()
			.stream()
			.filter(GenreStatus::isServing)
			.<MultiGauge.Row<?>>map(status -> MultiGauge.Row.of(Tags.of("genre", status.genre().name(), "version",
					status.servedVersion()), 1))
			.toList();
	}
}
