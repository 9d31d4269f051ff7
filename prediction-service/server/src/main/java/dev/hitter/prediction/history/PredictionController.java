package dev.hitter.prediction.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.hitter.kit.apidocs.ForbiddenAnswer;
import dev.hitter.kit.apidocs.NotFoundAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.security.Member;
import dev.hitter.models.Genre;
import dev.hitter.prediction.Paging;
import dev.hitter.prediction.PredictionApiDocs;
import dev.hitter.prediction.analysis.AnalysisGate;
import dev.hitter.prediction.analysis.TrackAnalysis;
import dev.hitter.prediction.analysis.TrackForm;
import dev.hitter.prediction.upload.PredictionUpload;
import dev.hitter.prediction.upload.PredictionUploadReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The prediction resource: analyse a track, then list, read, share, rename and delete the results; the genre
 * leaderboard of shared ones, likes, and reference tracks marked by administrators.
 */
@RestController
@RequestMapping(PredictionController.BASE)
@Tag(name = "Predictions", description = "Analyse tracks; a member's analyses, the leaderboard, likes and references")
class PredictionController {

	static final String BASE = "/api/v1/predictions";

	/** The columns of "my analyses" a member may sort by; the genre sorts by its name. */
	private static final List<String> SORTABLE = List.of("createdAt", "hitProbability", "title", "genre");

	/** Set on an export that holds only the newest {@link PredictionsCsv#MAX_ROWS} of the member's analyses. */
	static final String EXPORT_TRUNCATED = "X-Export-Truncated";

	private final Predictions predictions;

	private final PredictionUploadReader uploads;

	private final AnalysisGate gate;

	PredictionController(Predictions predictions, PredictionUploadReader uploads, AnalysisGate gate) {
		this.predictions = predictions;
		this.uploads = uploads;
		this.gate = gate;
	}

	/** The form, for the API documentation only (the body is read by {@link PredictionUploadReader}). */
	@Schema(name = "PredictionForm")
	record PredictionForm(@Schema(description = "POP, BALLAD or DANCE", requiredMode = Schema.RequiredMode.REQUIRED)
	String genre,
			@Schema(description = "The track: WAV, MP3, FLAC, OGG or M4A", requiredMode = Schema.RequiredMode.REQUIRED)
			MultipartFile audio, @Schema(description = "The lyrics as text (or give lyricsFile)") String lyrics,
			@Schema(description = "The lyrics as a .txt or .lrc file (UTF-8)") MultipartFile lyricsFile,
			@Schema(maxLength = TrackForm.MAX_LABEL_LENGTH) String title,
			@Schema(maxLength = TrackForm.MAX_LABEL_LENGTH) String artist) {
	}

	@Operation(summary = "Analyse a track", description = "Answers 201 with the hit probability and its reasons.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @Schema(implementation = PredictionForm.class))))
	@ApiResponse(responseCode = "201", description = "The analysis; `Location` is its address")
	@ValidationAnswers("validation-failed: no audio, an unknown genre, lyrics given twice, a title or artist too long "
			+ "(errors names each); malformed-request")
	@ApiResponse(responseCode = "413", description = "payload-too-large: the upload is larger than allowed",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON))
	@ApiResponse(responseCode = "415", description = "audio-not-supported: not audio in a format we read",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON))
	@ApiResponse(responseCode = "422", description = "audio-rejected or lyrics-rejected: they cannot be analysed",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON))
	@ApiResponse(responseCode = "429", description = "analysis-limit-reached: too many of your analyses are running; "
			+ "rate-limited: too many calls", content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON))
	@ApiResponse(responseCode = "503", description = "analyses-busy or models-unavailable: retry after `Retry-After`",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON))
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<PredictionView> analyse(Member member, @Parameter(hidden = true) HttpServletRequest request) {
		// The member's share is taken before a byte of the body is read: receiving, lyrics files and decoding are
		// the expensive part, and a member past their share should cost nothing.
		try (AnalysisGate.MemberTurn turn = gate.enterAs(member.id()); PredictionUpload form = uploads.read(request)) {
			List<FieldProblem> problems = new ArrayList<>();
			Genre chosen = TrackForm.genre("genre", form.field("genre"), problems);
			if (!form.hasAudio()) {
				problems.add(new FieldProblem("audio", "is required"));
			}
			form.checkLyricsGivenOnce(problems);
			String title = form.field("title");
			String artist = form.field("artist");
			TrackForm.checkLabel("title", title, problems);
			TrackForm.checkLabel("artist", artist, problems);
			if (!problems.isEmpty()) {
				throw TrackForm.invalid(problems);
			}
			PredictionView view = predictions.create(member, new Predictions.NewPrediction(
					new TrackAnalysis.Track(chosen, form.audio(), form.lyricsText(), form.lyricsField()),
					TrackForm.blankToNull(title), TrackForm.blankToNull(artist), member.clientId()));
			return ResponseEntity.created(URI.create(view.links().self())).body(view);
		}
	}

	@Operation(summary = "List my analyses",
			description = "The member's own analyses, a page at a time. Each says whether a demonstration model "
					+ "answered it.")
	@ApiResponse(responseCode = "200", description = "A page of the member's analyses")
	@ApiResponse(responseCode = "400", description = "validation-failed: page, size or sort (errors names each)",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping
	PredictionPage mine(Member member, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size,
			@Parameter(description = "createdAt, hitProbability, title or genre, then ,asc or ,desc (default "
					+ "createdAt,desc); equal values newest first") @RequestParam(defaultValue = "createdAt,desc")
			String sort) {
		List<FieldProblem> problems = new ArrayList<>();
		Paging.check(page, size, problems);
		Sort order = parseSort(sort, problems);
		if (!problems.isEmpty()) {
			throw TrackForm.invalid(problems);
		}
		return predictions.mine(member, page, size, order);
	}

	/**
	 * Streams the rows a batch at a time, so an export of thousands never sits whole in memory; bounded by
	 * {@link PredictionsCsv#MAX_ROWS} (the newest), and says so in a header when the member has more.
	 */
	@Operation(summary = "Export my analyses as CSV",
			description = "The member's own analyses, newest first, at most " + PredictionsCsv.MAX_ROWS
					+ " (then X-Export-Truncated: true), as a CSV attachment for spreadsheets (UTF-8 with a byte-order "
					+ "mark; cells that would run as a formula start with an apostrophe). Columns: "
					+ PredictionsCsv.HEADER + ".")
	@ApiResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv",
			schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	// A literal segment like /leaderboard: Spring prefers it to the {id} pattern.
	@GetMapping(value = "/export.csv", produces = "text/csv")
	void export(Member member, @Parameter(hidden = true) HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hitter-analyses.csv\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (predictions.countMine(member) > PredictionsCsv.MAX_ROWS) {
			response.setHeader(EXPORT_TRUNCATED, "true");
		}
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		PredictionsCsv.write(out, (after, size) -> predictions.exportMine(member, after, size),
				PredictionsCsv.MAX_ROWS, PredictionsCsv.BATCH);
	}

	@Operation(summary = "A genre's leaderboard of shared analyses",
			description = "Shared analyses of the genre, best first, with likes. Each says whether a demonstration "
					+ "model answered it.")
	@ApiResponse(responseCode = "200", description = "A page of the leaderboard")
	@ApiResponse(responseCode = "400", description = "validation-failed: genre, page or size (errors names each)",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	// A literal segment: Spring prefers it to the {id} pattern, and "leaderboard" is no UUID anyway.
	@GetMapping("/leaderboard")
	PredictionPage leaderboard(Member member, @RequestParam(required = false) String genre,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		List<FieldProblem> problems = new ArrayList<>();
		Genre chosen = TrackForm.genre("genre", genre, problems);
		Paging.check(page, size, problems);
		if (!problems.isEmpty()) {
			throw TrackForm.invalid(problems);
		}
		return predictions.leaderboard(member, chosen, page, size);
	}

	@Operation(summary = "Like an analysis",
			description = "Likes an analysis the caller can see (their own, or a shared one). Liking twice is liking once; "
					+ "a new like of someone else's analysis tells its owner.")
	@ApiResponse(responseCode = "204", description = "Liked")
	@NotFoundAnswer("not-found: no such analysis, or one the caller may not see (another member's unshared one)")
	@PutMapping("/{id}/like")
	ResponseEntity<Void> like(Member member, @PathVariable UUID id) {
		predictions.like(member, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Take a like back", description = "Idempotent: answers 204 whether or not the caller liked it.")
	@ApiResponse(responseCode = "204", description = "Not liked (any more)")
	@NotFoundAnswer("not-found: no such analysis, or one the caller may not see (another member's unshared one)")
	@DeleteMapping("/{id}/like")
	ResponseEntity<Void> unlike(Member member, @PathVariable UUID id) {
		predictions.unlike(member, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Mark a reference track (administrators)",
			description = "Marks an analysis as a reference track of its genre. Idempotent. Administrators only.")
	@ApiResponse(responseCode = "204", description = "Marked")
	@ForbiddenAnswer("forbidden: not an administrator")
	@NotFoundAnswer("not-found: no such analysis, or one the caller may not see (another member's unshared one)")
	@PutMapping("/{id}/reference")
	ResponseEntity<Void> markAsReference(Member member, @PathVariable UUID id) {
		predictions.markAsReference(member, id, true);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Unmark a reference track (administrators)",
			description = "The analysis is no reference track any more. Idempotent. Administrators only.")
	@ApiResponse(responseCode = "204", description = "Unmarked")
	@ForbiddenAnswer("forbidden: not an administrator")
	@NotFoundAnswer("not-found: no such analysis, or one the caller may not see (another member's unshared one)")
	@DeleteMapping("/{id}/reference")
	ResponseEntity<Void> unmarkAsReference(Member member, @PathVariable UUID id) {
		predictions.markAsReference(member, id, false);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Read an analysis",
			description = "The hit probability, its audio and lyrics parts, the reasons, the models that scored it and "
					+ "the genre percentile. The caller's own analyses, and shared ones.")
	@ApiResponse(responseCode = "200", description = "The analysis")
	@NotFoundAnswer("not-found: no such analysis, or one the caller may not see (another member's unshared one)")
	@GetMapping("/{id}")
	PredictionView one(Member member, @PathVariable UUID id) {
		return predictions.find(member, id);
	}

	@Operation(summary = "An analysis's mel spectrogram",
			description = "The log-mel spectrogram the audio model read, as a PNG image (time across, pitch up).")
	@ApiResponse(responseCode = "200", description = "The image",
			content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")))
	@NotFoundAnswer("not-found: no such analysis, or one the caller may not see (another member's unshared one)")
	@GetMapping(value = "/{id}/spectrogram.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> spectrogram(Member member, @PathVariable UUID id) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(predictions.spectrogram(member, id));
	}

	@Operation(summary = "Rename, credit or share an analysis",
			description = "A merge patch (RFC 7396) of `title`, `artist` and `shared`; an absent field stays as it is, an "
					+ "empty title or artist removes it. Unsharing withdraws published audio. The owner only.")
	@ApiResponse(responseCode = "200", description = "The analysis, changed")
	@ValidationAnswers
	@NotFoundAnswer("not-found: no such analysis of the caller's")
	@PatchMapping(value = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	PredictionView change(Member member, @PathVariable UUID id, @Valid @RequestBody PredictionChanges changes) {
		return predictions.change(member, id, changes);
	}

	@Operation(summary = "Delete an analysis",
			description = "Deletes the analysis with its spectrogram, likes and published audio. The owner only.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@NotFoundAnswer("not-found: no such analysis of the caller's")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Member member, @PathVariable UUID id) {
		predictions.delete(member, id);
		return ResponseEntity.noContent().build();
	}

	private static Sort parseSort(String sort, List<FieldProblem> problems) {
		String[] parts = sort.split(",", -1);
		String property = parts[0].strip();
		String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "desc";
		if (parts.length > 2 || !SORTABLE.contains(property) || !List.of("asc", "desc").contains(direction)) {
			problems.add(new FieldProblem("sort",
					"must be createdAt, hitProbability, title or genre, then ,asc or ,desc"));
			return Sort.unsorted();
		}
		return Sort.by(direction.equals("asc") ? Sort.Direction.ASC : Sort.Direction.DESC, property);
	}
}
