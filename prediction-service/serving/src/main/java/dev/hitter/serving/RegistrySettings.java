package dev.hitter.serving;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import dev.hitter.models.Genre;

/**
 * How the {@link ModelRegistry} finds and serves the model sets.
 *
 * @param root the models folder ({@code <root>/<GENRE>/<version>/…})
 * @param genres the genres that must be served before the registry is ready
 * @param poolSize predictors per model (calls of each kind running at once)
 * @param borrowTimeout longest wait for a free predictor before a call is refused as busy
 */
public record RegistrySettings(Path root, Set<Genre> genres, int poolSize, Duration borrowTimeout) {

	public RegistrySettings {
		Objects.requireNonNull(root, "root");
		genres = genres == null || genres.isEmpty() ? EnumSet.allOf(Genre.class) : EnumSet.copyOf(genres);
		if (poolSize < 1) {
			throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
		}
		if (borrowTimeout == null || borrowTimeout.isNegative() || borrowTimeout.isZero()) {
			throw new IllegalArgumentException("borrowTimeout must be positive: " + borrowTimeout);
		}
	}

	/** Every genre, one predictor per core, a 10-second borrow timeout. */
	public static RegistrySettings of(Path root) {
		return new RegistrySettings(root, EnumSet.allOf(Genre.class), Runtime.getRuntime().availableProcessors(),
				Duration.ofSeconds(10));
	}

	/** In genre order. */
	@Override
	public Set<Genre> genres() {
		return Collections.unmodifiableSet(EnumSet.copyOf(genres));
	}
}
