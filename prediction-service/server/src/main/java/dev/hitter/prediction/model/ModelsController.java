package dev.hitter.prediction.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.prediction.PredictionApiDocs;
import dev.hitter.prediction.PredictionProblems;
import dev.hitter.prediction.analysis.TrackForm;
import dev.hitter.serving.GenreModels;
import dev.hitter.serving.GenreStatus;
import dev.hitter.serving.ModelRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public, read-only description of the models that score each genre: anyone may learn what a score rests on
 * before signing up (the gateway and this service let {@code GET} through without a token; docs/models-api.md).
 */
@RestController
@RequestMapping(ModelsController.BASE)
@Tag(name = "Models", description = "What the hit models were trained on, how they did on held-out songs, their limits")
class ModelsController {

	static final String BASE = "/api/v1/models";

	/**
	 * Short: the registry swaps in a newly promoted model set without a restart, and the page should show it soon;
	 * long enough that a busy "about" page costs the service little.
	 */
	static final Duration MAX_AGE = Duration.ofSeconds(60);

	/** The trainer's pictures are about 50 KB; anything far larger in the folder is not one of them. */
	static final long MAX_PICTURE_BYTES = 4L * 1024 * 1024;

	private final ModelRegistry registry;

	private final ModelProperties properties;

	ModelsController(ModelRegistry registry, ModelProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	@Operation(summary = "Describe the models serving every genre",
			description = "Public, no token needed. Per genre, the audio and lyrics model cards in plain words and how "
					+ "their scores are combined; genres whose models are not loaded yet are listed in 'unavailable'.")
	@ApiResponse(responseCode = "200", description = "The models serving each genre")
	@GetMapping
	ResponseEntity<ModelCatalogue> all() {
		List<ModelCatalogue.GenreCard> served = new ArrayList<>();
		List<Genre> unavailable = new ArrayList<>();
		for (GenreStatus status : registry.status().values()) {
			registry.find(status.genre())
				.ifPresentOrElse(models -> served.add(ModelCards.describe(models)),
						() -> unavailable.add(status.genre()));
		}
		return cached(new ModelCatalogue(served, unavailable));
	}

	@Operation(summary = "Describe the models serving one genre",
			description = "Public, no token needed. The audio and lyrics model cards of the genre in plain words and "
					+ "how their scores are combined.")
	@ApiResponse(responseCode = "200", description = "The genre's models")
	@ApiResponse(responseCode = "400", description = "validation-failed: not a genre (errors names 'genre')",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503",
			description = "models-unavailable: the genre's models are not loaded (yet); Retry-After says when to retry",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/{genre}")
	ResponseEntity<ModelCatalogue.GenreCard> one(
			@Parameter(description = "POP, BALLAD or DANCE (any case)") @PathVariable String genre) {
		return cached(ModelCards.describe(served(genre)));
	}

	@Operation(summary = "A picture of the serving model set's evaluation",
			description = "Public, no token needed. The ROC curves (roc.png) or the reliability diagram "
					+ "(reliability.png) of the held-out evaluation the genre's serving model set was promoted on, as "
					+ "listed in the genre's evaluation.pictures.")
	@ApiResponse(responseCode = "200", description = "The PNG picture",
			content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "400", description = "validation-failed: not a genre (errors names 'genre')",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such picture of the serving set's evaluation",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503",
			description = "models-unavailable: the genre's models are not loaded (yet); Retry-After says when to retry",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping(value = "/{genre}/pictures/{name}", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> picture(
			@Parameter(description = "POP, BALLAD or DANCE (any case)") @PathVariable String genre,
			@Parameter(description = "roc.png or reliability.png") @PathVariable String name) throws IOException {
		GenreModels models = served(genre);
		ModelCatalogue.Evaluation evaluation = ModelCards.evaluation(models.genre(), models.audioCard(),
				models.lyricsCard());
		// Only a name the evaluation lists, checked against a plain-file pattern: never a path into the folder.
		boolean listed = evaluation != null
				&& evaluation.pictures().stream().anyMatch(picture -> picture.name().equals(name));
		Path versionDir = new ModelSetLayout(properties.root()).version(models.genre(), models.version());
		Path file = versionDir.resolve(listed ? name : "-").normalize();
		if (!listed || !file.getParent().equals(versionDir.normalize()) || !Files.isRegularFile(file)
				|| Files.size(file) > MAX_PICTURE_BYTES) {
			throw new ApiException(ProblemType.NOT_FOUND,
					"The " + models.genre() + " models' evaluation has no picture of that name.");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
			.body(Files.readAllBytes(file));
	}

	private GenreModels served(String genre) {
		List<FieldProblem> problems = new ArrayList<>();
		Genre chosen = TrackForm.genre("genre", genre, problems);
		if (!problems.isEmpty()) {
			throw TrackForm.invalid(problems);
		}
		return registry.find(chosen)
			.orElseThrow(() -> new ApiException(PredictionProblems.MODELS_UNAVAILABLE,
					"No " + chosen + " models are loaded right now; retry later.", properties.reloadInterval()));
	}

	private static <T> ResponseEntity<T> cached(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic()).body(body);
	}
}
