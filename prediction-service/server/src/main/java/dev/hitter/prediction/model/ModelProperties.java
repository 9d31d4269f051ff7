package dev.hitter.prediction.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.hitter.models.Genre;
import dev.hitter.serving.RegistrySettings;
import dev.hitter.serving.TensorFlowNatives;

/**
 * Where the hit models come from and how they are served.
 *
 * @param root the models folder, {@code <root>/<GENRE>/<version>/…} ({@code HITTER_MODELS_DIR}; {@code ./hitter run}
 *     passes the checkout's {@code prediction-service/default-models})
 * @param natives where the TensorFlow natives are unpacked; empty: {@code -Dhitter.tensorflow.natives}, else
 *     {@code $HITTER_HOME/tensorflow-2.10.1}, else {@code ${java.io.tmpdir}/hitter-tensorflow-2.10.1}
 * @param genres the genres that must be served before the service is ready; empty: all
 * @param poolSize predictors per model, i.e. inferences of each kind at once; 0: one per core
 * @param borrowTimeout longest wait for a free predictor before a request is refused as busy
 * @param reloadInterval how often each genre's promotion pointer is read for another version to serve
 */
@Validated
@ConfigurationProperties("hitter.models")
public record ModelProperties(@NotNull Path root, Path natives, Set<Genre> genres,
		@PositiveOrZero @DefaultValue("0") int poolSize, @NotNull @DefaultValue("10s") Duration borrowTimeout,
		@NotNull @DefaultValue("10s") Duration reloadInterval) {

	RegistrySettings registrySettings() {
		int predictors = poolSize > 0 ? poolSize : Runtime.getRuntime().availableProcessors();
		return new RegistrySettings(root, genres, predictors, borrowTimeout);
	}

	Path nativesFolder() {
		return natives != null ? natives : TensorFlowNatives.defaultFolder();
	}
}
