package dev.hitter.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.hitter.localdb.TestDatabase;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.serving.ModelRegistry;

/**
 * The service is not ready while a genre has no models, says why, and becomes ready as soon as the missing model
 * sets appear in the models folder, without a restart.
 */
@SpringBootTest(properties = { "hitter.models.reload-interval=200ms", "hitter.models.pool-size=1",
		"management.endpoint.health.show-details=always" })
@AutoConfigureMockMvc
public class ModelReadinessTest {

	/** The serving module's fixture model sets: every genre, tiny SavedModels with random weights. */
	public static final Path FIXTURE_MODEL_SETS = Path.of("../serving/src/test/resources/model-sets/all")
		.toAbsolutePath()
		.normalize();

	static final Path MODELS = createModelsFolder();

	@Autowired
	MockMvc mvc;

	@Autowired
	ModelRegistry registry;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		TestDatabase.registerDataSource(properties, "hitter_prediction");
		properties.add("hitter.models.root", MODELS::toString);
	}

	@Test
	void becomesReadyWhenTheMissingGenresArrive() throws Exception {
		awaitCondition(() -> registry.status().get(Genre.POP).isServing());

		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DOWN"))
			.andExpect(jsonPath("$.components.models.status").value("DOWN"))
			.andExpect(jsonPath("$.components.models.details.genres.POP.version").value("v20261120-000000"))
			.andExpect(jsonPath("$.components.models.details.genres.POP.notice")
				.value(ModelCard.DEMONSTRATION_NOTICE))
			.andExpect(jsonPath("$.components.models.details.genres.BALLAD.problem")
				.value(org.hamcrest.Matchers.containsString("no complete model set")));
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());

		publish(Genre.BALLAD);
		publish(Genre.DANCE);
		awaitReadiness(mvc, 200);

		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(jsonPath("$.components.models.status").value("UP"))
			.andExpect(jsonPath("$.components.models.details.genres.DANCE.version").value("v20261120-000000"));
		assertThat(registry.models(Genre.DANCE).scoreAudio(melOfZeros()).model().genre()).isEqualTo(Genre.DANCE);
	}

	/** Polls readiness until it answers {@code expected}; fails after a minute. */
	public static void awaitReadiness(MockMvc mvc, int expected) throws Exception {
		awaitCondition(() -> mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse()
			.getStatus() == expected);
	}

	interface Condition {

		boolean holds() throws Exception;
	}

	static void awaitCondition(Condition condition) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!condition.holds()) {
			assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private static dev.hitter.features.mel.MelSpectrogram melOfZeros() {
		return new dev.hitter.features.mel.MelSpectrogram("melon-v1", 48, 1876, new float[48 * 1876]);
	}

	/** Copies a genre's fixture set beside the models folder, then renames it in: it appears whole. */
	private static void publish(Genre genre) {
		Path incoming = MODELS.resolveSibling("incoming-" + genre);
		copyTree(FIXTURE_MODEL_SETS.resolve(genre.name()), incoming);
		try {
			Files.move(incoming, MODELS.resolve(genre.name()), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path createModelsFolder() {
		try {
			// Under target/, so that a clean build removes it.
			Path models = Path.of("target/model-readiness").toAbsolutePath().resolve("models");
			deleteTree(models.getParent());
			copyTree(FIXTURE_MODEL_SETS.resolve(Genre.POP.name()), models.resolve(Genre.POP.name()));
			return models;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
				Files.delete(file);
			}
		}
	}

	static void copyTree(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
