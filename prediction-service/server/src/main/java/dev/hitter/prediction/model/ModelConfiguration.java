package dev.hitter.prediction.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hitter.serving.ModelRegistry;

/**
 * The hit models in the service: a {@link ModelRegistry} watching the models folder. The natives are unpacked while
 * the context starts (a missing natives jar stops the start with a clear message); the models themselves load on
 * the watch thread, so the service starts at once and reports itself not ready until every genre is served.
 */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ModelConfiguration.class);

	@Bean(destroyMethod = "close")
	ModelRegistry modelRegistry(ModelProperties properties) {
		ModelRegistry registry = new ModelRegistry(properties.registrySettings(), properties.nativesFolder());
		log.info("Serving the hit models in {} (genres {}, {} predictors per model, checked every {})",
				properties.root().toAbsolutePath(), registry.settings().genres(), registry.settings().poolSize(),
				properties.reloadInterval());
		registry.watch(properties.reloadInterval());
		return registry;
	}
}
