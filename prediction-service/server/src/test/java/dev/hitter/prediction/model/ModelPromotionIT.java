package dev.hitter.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hitter.localdb.TestDatabase;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.serving.promotion.ModelsCommand;

/**
 * A running prediction service (real TensorFlow engine, the shared database) switches what it serves when
 * {@code ./hitter models promote} and {@code rollback} change the pointer in its models folder, without a restart;
 * a version that does not load is refused by the command, and if promoted by hand anyway, the service keeps the
 * version it serves and says why in its readiness.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "hitter.models.reload-interval=200ms",
		"hitter.models.pool-size=1", "management.endpoint.health.show-details=always" })
class ModelPromotionIT {

	static final Path FIXTURES = ModelReadinessTest.FIXTURE_MODEL_SETS.getParent();

	static final String SERVED = "v20261120-000000";

	/** Trained later, evaluated and passed: may be promoted. */
	static final String NEWER = "v20261127-000000";

	/** Evaluated and passed, but its audio graph is damaged: must never be served. */
	static final String BROKEN = "v20261130-000000";

	static final Path MODELS = createModelsFolder();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry metrics;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		TestDatabase.registerDataSource(properties, "hitter_prediction");
		properties.add("hitter.models.root", MODELS::toString);
	}

	@Test
	void promoteAndRollbackSwitchWhatTheRunningServiceServes() throws Exception {
		awaitServed(SERVED);
		assertThat(get("/api/v1/models/POP").path("audio").path("modelId").asString())
			.isEqualTo("pop-audio-" + SERVED);

		Command promote = models("promote", NEWER, "--genre", "POP");
		assertThat(promote.status()).as(promote.err()).isZero();
		awaitServed(NEWER);
		assertThat(get("/api/v1/models/POP").path("audio").path("modelId").asString()).isEqualTo("pop-audio-" + NEWER);
		assertThat(get("/api/v1/models/BALLAD").path("version").asString()).as("other genres untouched")
			.isEqualTo(SERVED);
		// What the dashboard's "model versions in use" reads: the new version's series, the old one's gone.
		awaitCondition(() -> metrics.find("hitter.models.version.info").tags("genre", "POP", "version", NEWER).gauge() != null);
		assertThat(metrics.find("hitter.models.version.info").tags("genre", "POP", "version", NEWER).gauge().value())
			.isEqualTo(1.0);
		assertThat(metrics.find("hitter.models.version.info").tags("genre", "POP", "version", SERVED).gauge()).isNull();
		assertThat(metrics.find("hitter.models.version.info").tags("genre", "BALLAD", "version", SERVED).gauge())
			.isNotNull();

		Command list = models("list", "--genre", "POP");
		assertThat(list.status()).isZero();
		assertThat(list.out()).contains("*  " + NEWER).contains("r  " + SERVED);

		Command rollback = models("rollback", "--genre", "POP");
		assertThat(rollback.status()).as(rollback.err()).isZero();
		awaitServed(SERVED);
		assertThat(readiness().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void aVersionThatDoesNotLoadIsRefusedAndTheServedOneStays() throws Exception {
		awaitServed(SERVED);
		ModelSetLayout layout = new ModelSetLayout(MODELS);
		byte[] pointer = Files.readAllBytes(layout.promotionFile(Genre.POP));

		Command promote = models("promote", BROKEN, "--genre", "POP");

		assertThat(promote.status()).isEqualTo(1);
		assertThat(promote.err()).contains("refused: POP " + BROKEN + " does not load");
		assertThat(Files.readAllBytes(layout.promotionFile(Genre.POP))).as("pointer unchanged").isEqualTo(pointer);
		Thread.sleep(1_000); // five reload intervals
		assertThat(get("/api/v1/models/POP").path("version").asString()).isEqualTo(SERVED);

		// Promoted by hand around the command's checks: the service still keeps what it serves and says why.
		layout.writePromotion(layout.promotion(Genre.POP).orElseThrow().promote(BROKEN, Instant.now()));
		try {
			awaitCondition(() -> readiness().path("components").path("models").path("details").path("genres")
				.path("POP").path("problem").asString("").contains("cannot load the promoted POP " + BROKEN));
			JsonNode pop = readiness().path("components").path("models").path("details").path("genres").path("POP");
			assertThat(pop.path("version").asString()).isEqualTo(SERVED);
			assertThat(pop.path("problem").asString()).contains("still serving " + SERVED);
			assertThat(get("/api/v1/models/POP").path("version").asString()).isEqualTo(SERVED);
		}
		finally {
			Files.write(layout.promotionFile(Genre.POP), pointer);
		}
	}

	record Command(int status, String out, String err) {
	}

	private static Command models(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--models", MODELS.toString()));
		int status = ModelsCommand.run(all, null, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private void awaitServed(String version) throws Exception {
		awaitCondition(() -> version.equals(get("/api/v1/models/POP").path("version").asString(null)));
	}

	private JsonNode get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	private JsonNode readiness() throws IOException, InterruptedException {
		return get("/actuator/health/readiness");
	}

	interface Condition {

		boolean holds() throws Exception;
	}

	private static void awaitCondition(Condition condition) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!condition.holds()) {
			assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	/** The fixture sets (every genre at {@link #SERVED}, promoted) plus two later POP versions, both evaluated. */
	private static Path createModelsFolder() {
		try {
			// Under target/, so that a clean build removes it.
			Path models = Path.of("target/model-promotion").toAbsolutePath().resolve("models");
			ModelReadinessTest.deleteTree(models.getParent());
			ModelReadinessTest.copyTree(ModelReadinessTest.FIXTURE_MODEL_SETS, models);
			Path newer = FIXTURES.resolve("newer/POP").resolve(NEWER);
			ModelReadinessTest.copyTree(newer, models.resolve("POP").resolve(NEWER));
			ModelReadinessTest.copyTree(newer, models.resolve("POP").resolve(BROKEN));
			Files.writeString(models.resolve("POP").resolve(BROKEN).resolve("audio/saved_model.pb"), "not a graph");
			return models;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
