package dev.hitter.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.types.Shape;

import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.Promotion;
import dev.hitter.models.Signatures;

/** The registry on a models folder that changes under it: promotions, rollbacks, missing genres, broken sets. */
class ModelRegistryTest {

	@TempDir
	Path root;

	@Test
	void servesThePromotedVersionOfEachGenre() {
		FixtureModelSets.copyTree(FixtureModelSets.ALL, root);
		try (ModelRegistry registry = new ModelRegistry(RegistrySettings.of(root))) {
			assertThat(registry.isReady()).isFalse();

			assertThat(registry.refresh()).isTrue();

			assertThat(registry.isReady()).isTrue();
			assertThat(registry.status().values()).allSatisfy(status -> {
				assertThat(status.servedVersion()).isEqualTo(FixtureModelSets.VERSION);
				assertThat(status.notice()).isEqualTo(ModelCard.DEMONSTRATION_NOTICE);
				assertThat(status.problem()).isNull();
			});
			assertThat(registry.models(Genre.BALLAD).audioModel().genre()).isEqualTo(Genre.BALLAD);
			assertThat(registry.refresh()).as("nothing new").isFalse();
		}
	}

	@Test
	void staysUnreadyAndSaysWhyWhenAGenreHasNoModels() {
		FixtureModelSets.copyTree(FixtureModelSets.ALL.resolve("POP"), root.resolve("POP"));
		try (ModelRegistry registry = new ModelRegistry(settings(EnumSet.of(Genre.POP, Genre.BALLAD), 1))) {
			registry.refresh();

			assertThat(registry.isReady()).isFalse();
			assertThat(registry.status().get(Genre.POP).isServing()).isTrue();
			assertThat(registry.status().get(Genre.BALLAD).isServing()).isFalse();
			assertThat(registry.status().get(Genre.BALLAD).problem()).contains("no complete model set")
				.contains("BALLAD");
			assertThatThrownBy(() -> registry.models(Genre.BALLAD)).isInstanceOf(ModelsUnavailableException.class)
				.hasMessageContaining("no complete model set");
		}
	}

	@Test
	void servesNothingOfAGenreWhoseVersionsNobodyPromoted() throws IOException {
		FixtureModelSets.copyTree(FixtureModelSets.ALL.resolve("POP"), root.resolve("POP"));
		Files.delete(root.resolve("POP").resolve(ModelSetLayout.PROMOTION));
		addVersion(FixtureModelSets.NEWER.resolve("POP").resolve(FixtureModelSets.NEWER_VERSION), "POP");
		try (ModelRegistry registry = new ModelRegistry(settings(EnumSet.of(Genre.POP), 1))) {
			assertThat(registry.refresh()).isFalse();

			assertThat(registry.isReady()).isFalse();
			assertThat(registry.status().get(Genre.POP).problem()).contains("no version of POP is promoted")
				.contains(FixtureModelSets.VERSION + ", " + FixtureModelSets.NEWER_VERSION)
				.contains("./hitter models promote <version> --genre POP");
		}
	}

	@Test
	void aNewerTrainedVersionIsNotServedUntilPromoted() throws IOException {
		FixtureModelSets.copyTree(FixtureModelSets.ALL.resolve("POP"), root.resolve("POP"));
		try (ModelRegistry registry = new ModelRegistry(settings(EnumSet.of(Genre.POP), 1))) {
			registry.refresh();
			addVersion(FixtureModelSets.NEWER.resolve("POP").resolve(FixtureModelSets.NEWER_VERSION), "POP");

			assertThat(registry.refresh()).isFalse();

			assertThat(registry.models(Genre.POP).version()).isEqualTo(FixtureModelSets.VERSION);
			assertThat(registry.status().get(Genre.POP).problem()).isNull();
		}
	}

	@Test
	void saysWhenThePromotedVersionIsMissingOrIncomplete() throws IOException {
		Path incomplete = root.resolve("POP").resolve(FixtureModelSets.NEWER_VERSION);
		FixtureModelSets.copyTree(FixtureModelSets.NEWER.resolve("POP").resolve(FixtureModelSets.NEWER_VERSION),
				incomplete);
		Files.delete(incomplete.resolve(ModelSetLayout.COMBINATION));
		promote("POP", FixtureModelSets.NEWER_VERSION);
		try (ModelRegistry registry = new ModelRegistry(settings(EnumSet.of(Genre.POP), 1))) {
			registry.refresh();

			assertThat(registry.isReady()).isFalse();
			assertThat(registry.status().get(Genre.POP).problem())
				.contains("the promoted version " + FixtureModelSets.NEWER_VERSION + " is incomplete");
		}
	}

	@Test
	void swapsInAPromotionAndARollbackWithoutARestart() throws Exception {
		FixtureModelSets.copyTree(FixtureModelSets.ALL.resolve("POP"), root.resolve("POP"));
		addVersion(FixtureModelSets.NEWER.resolve("POP").resolve(FixtureModelSets.NEWER_VERSION), "POP");
		try (ModelRegistry registry = new ModelRegistry(settings(EnumSet.of(Genre.POP), 1))) {
			registry.watch(Duration.ofMillis(100));
			awaitTrue(registry::isReady);
			GenreModels old = registry.models(Genre.POP);
			assertThat(old.version()).as("the promoted one, not the newest").isEqualTo(FixtureModelSets.VERSION);
			double oldLogit = old.scoreAudio(FixtureModelSets.mel(1)).logit();

			promote("POP", FixtureModelSets.NEWER_VERSION);
			awaitTrue(() -> registry.models(Genre.POP).version().equals(FixtureModelSets.NEWER_VERSION));

			GenreModels current = registry.models(Genre.POP);
			AudioScore score = current.scoreAudio(FixtureModelSets.mel(1));
			assertThat(score.model().version()).isEqualTo(FixtureModelSets.NEWER_VERSION);
			assertThat(score.model().modelId()).isEqualTo("pop-audio-" + FixtureModelSets.NEWER_VERSION);
			assertThat(score.logit()).isNotEqualTo(oldLogit);
			assertThat(registry.status().get(Genre.POP).servedVersion()).isEqualTo(FixtureModelSets.NEWER_VERSION);
			assertThat(old.isClosed()).as("retired with no calls in flight").isTrue();
			assertThatThrownBy(() -> old.scoreAudio(FixtureModelSets.mel(1)))
				.isInstanceOf(ModelsUnavailableException.class)
				.hasMessageContaining("replaced");

			ModelSetLayout layout = new ModelSetLayout(root);
			layout.writePromotion(layout.promotion(Genre.POP).orElseThrow().rollback(Instant.now()).orElseThrow());
			awaitTrue(() -> registry.models(Genre.POP).version().equals(FixtureModelSets.VERSION));
			assertThat(registry.models(Genre.POP).scoreAudio(FixtureModelSets.mel(1)).logit()).isEqualTo(oldLogit);
			assertThat(current.isClosed()).isTrue();
		}
	}

	@Test
	void keepsServingTheOldVersionWhenThePromotedOneIsBroken() throws IOException {
		FixtureModelSets.copyTree(FixtureModelSets.ALL.resolve("POP"), root.resolve("POP"));
		try (ModelRegistry registry = new ModelRegistry(settings(EnumSet.of(Genre.POP), 1))) {
			registry.refresh();
			Path broken = root.resolve("incoming");
			FixtureModelSets.copyTree(FixtureModelSets.NEWER.resolve("POP").resolve(FixtureModelSets.NEWER_VERSION),
					broken);
			Files.writeString(broken.resolve("audio/saved_model.pb"), "not a graph");
			Files.move(broken, root.resolve("POP").resolve(FixtureModelSets.NEWER_VERSION));
			promote("POP", FixtureModelSets.NEWER_VERSION);

			assertThat(registry.refresh()).isFalse();

			GenreStatus status = registry.status().get(Genre.POP);
			assertThat(status.servedVersion()).isEqualTo(FixtureModelSets.VERSION);
			assertThat(status.problem()).contains("cannot load the promoted POP " + FixtureModelSets.NEWER_VERSION)
				.contains("still serving " + FixtureModelSets.VERSION);
			assertThat(registry.isReady()).isTrue();
			assertThat(registry.models(Genre.POP).scoreAudio(FixtureModelSets.mel(1)).model().version())
				.isEqualTo(FixtureModelSets.VERSION);
			assertThat(registry.refresh()).as("the broken version is not tried again").isFalse();

			// Rolled back to the version in service: the problem is over.
			ModelSetLayout layout = new ModelSetLayout(root);
			layout.writePromotion(layout.promotion(Genre.POP).orElseThrow().rollback(Instant.now()).orElseThrow());
			assertThat(registry.refresh()).isFalse();
			assertThat(registry.status().get(Genre.POP).problem()).isNull();
		}
	}

	@Test
	void refusesAModelTrainedOnOtherFeatures() throws IOException {
		FixtureModelSets.copyTree(FixtureModelSets.ALL.resolve("POP"), root.resolve("POP"));
		Path card = new ModelSetLayout(root).card(root.resolve("POP").resolve(FixtureModelSets.VERSION),
				ModelKind.AUDIO);
		ModelCard original = ModelFiles.readCard(card);
		ModelFiles.write(card, new ModelCard(original.modelId(), original.version(), original.genre(), original.kind(),
				original.format(), original.architecture(),
				new ModelCard.FeatureSpec("melon-v2", original.featureSpec().settings(), null, null),
				original.trainingData(), original.validation(), original.test(), original.calibration(),
				original.trainedAt(), original.trainingSeconds(), original.epochs(), original.demonstration(),
				original.notice(), original.intendedUse()));
		try (ModelRegistry registry = new ModelRegistry(settings(EnumSet.of(Genre.POP), 1))) {
			registry.refresh();

			assertThat(registry.isReady()).isFalse();
			assertThat(registry.status().get(Genre.POP).problem()).contains("melon-v2").contains("melon-v1");
		}
	}

	@Test
	void closesARetiredModelOnlyAfterItsCallInFlightReturns() throws Exception {
		Path versionDir = FixtureModelSets.ALL.resolve("POP").resolve(FixtureModelSets.VERSION);
		TensorFlowNatives.install();
		ModelCard card = ModelFiles.readCard(versionDir.resolve("audio/card.json"));
		HitModel model = HitModel.load(versionDir.resolve("audio"), card, FixtureModelSets.VERSION,
				Signatures.AUDIO_CONTRIBUTIONS, 1, Duration.ofMillis(200));
		float[] mel = FixtureModelSets.mel(1).framesFirst();
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<HitModel.Outputs> inFlight = CompletableFuture.supplyAsync(() -> model.run(manager -> {
			running.countDown();
			await(release);
			var array = manager.create(mel, new Shape(1, GenreModels.AUDIO_FRAMES, 48));
			array.setName(Signatures.AUDIO_INPUT);
			return array;
		}));
		assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

		assertThatThrownBy(() -> model.run(manager -> manager.zeros(new Shape(1))))
			.as("the only predictor is lent out").isInstanceOf(ModelsBusyException.class);
		model.retire();
		assertThat(model.isClosed()).isFalse();
		release.countDown();

		assertThat(inFlight.get(30, TimeUnit.SECONDS).contributions()[0]).hasSize(468);
		assertThat(model.isClosed()).isTrue();
	}

	private RegistrySettings settings(EnumSet<Genre> genres, int poolSize) {
		return new RegistrySettings(root, genres, poolSize, Duration.ofSeconds(30));
	}

	/** Copies next to the genre folder, then renames: how a trainer must publish a version, so it appears whole. */
	private void addVersion(Path version, String genre) throws IOException {
		Path incoming = root.resolve("incoming-" + version.getFileName());
		FixtureModelSets.copyTree(version, incoming);
		Files.move(incoming, root.resolve(genre).resolve(version.getFileName().toString()),
				StandardCopyOption.ATOMIC_MOVE);
	}

	/** Writes the pointer as ./hitter models promote would once its checks passed. */
	private void promote(String genre, String version) throws IOException {
		ModelSetLayout layout = new ModelSetLayout(root);
		Genre chosen = Genre.valueOf(genre);
		Promotion promotion = layout.promotion(chosen)
			.map(p -> p.promote(version, Instant.now()))
			.orElseGet(() -> Promotion.first(chosen, version, Instant.now()));
		layout.writePromotion(promotion);
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 60 s");
			}
			Thread.sleep(50);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
