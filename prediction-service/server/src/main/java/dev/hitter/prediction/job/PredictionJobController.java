package dev.hitter.prediction.job;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hitter.kit.apidocs.NotFoundAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import dev.hitter.prediction.Paging;
import dev.hitter.prediction.PredictionApiDocs;

/**
 * Batch prediction jobs for partner tools: submit many tracks at once (202), follow the job, collect its results as
 * JSON or CSV, delete it.
 */
@RestController
@RequestMapping(PredictionJobController.BASE)
@Tag(name = "Prediction jobs", description = "Batch analyses for partner tools")
class PredictionJobController {

	static final String BASE = "/api/v1/prediction-jobs";

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final int MAX_IDEMPOTENCY_KEY = 200;

	private final PredictionJobs jobs;

	private final JobSubmissionReader reader;

	PredictionJobController(PredictionJobs jobs, JobSubmissionReader reader) {
		this.jobs = jobs;
		this.reader = reader;
	}

	/** The submission's form, for the API documentation only (the parts are read by {@link JobSubmissionReader}). */
	@Schema(name = "PredictionJobForm")
	record JobForm(
			@Schema(description = "The tracks (WAV, MP3, FLAC, OGG, M4A) and optionally their lyrics as .txt or .lrc "
					+ "files; song.txt or song.lrc goes with song.mp3 unless the manifest pairs them",
					requiredMode = Schema.RequiredMode.REQUIRED) List<MultipartFile> files,
			@Schema(description = "POP, BALLAD or DANCE for every track; required without a manifest") String genre,
			@Schema(description = "JSON array, one object per track: {file, genre, title, artist, lyrics, lyricsFile}")
			String manifest,
			@Schema(description = "Called (POST, signed) when the job ends; http(s), no internal addresses")
			String webhookUrl,
			@Schema(description = "The HMAC key, 16–200 characters; made and shown once when absent")
			String webhookSecret) {
	}

	@Operation(summary = "Submit many tracks at once",
			description = "Answers 202 at once; the tracks are scored in the background. See docs/prediction-jobs.md.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = JobForm.class))))
	@ApiResponse(responseCode = "202", description = "The job, accepted (or the earlier one, with "
			+ "`Idempotent-Replayed: true`, for a repeated `Idempotency-Key`); `Location` is its address")
	@ValidationAnswers("validation-failed: no tracks, a bad manifest, webhook or Idempotency-Key (errors names each); "
			+ "malformed-request")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<JobView> submit(Member member,
			@Parameter(hidden = true) MultipartHttpServletRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY
				|| !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, IDEMPOTENCY_KEY,
					"must be 1 to " + MAX_IDEMPOTENCY_KEY + " printable ASCII characters without spaces");
		}
		PredictionJobs.Submitted submitted = jobs.submit(member, idempotencyKey, reader.read(request));
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create(submitted.job().links().self()));
		if (submitted.replayed()) {
			answer.header("Idempotent-Replayed", "true");
		}
		return answer.body(submitted.job());
	}

	@Operation(summary = "List my batch jobs", description = "The caller's jobs, newest first, `size` at a time.")
	@ApiResponse(responseCode = "200", description = "A page of jobs")
	@ValidationAnswers("validation-failed: page or size (errors names each)")
	@GetMapping
	JobPage mine(Member member, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return jobs.mine(member, Paging.of(page, size));
	}

	@Operation(summary = "Follow a batch job",
			description = "Progress, the webhook's state and each item's outcome; a scored item says whether a "
					+ "demonstration model scored it.")
	@ApiResponse(responseCode = "200", description = "The job")
	@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such job of the member's",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/{id}")
	JobView one(Member member, @PathVariable UUID id) {
		return jobs.find(member, id);
	}

	@Operation(summary = "A batch job's results",
			description = "Each item's outcome as {jobId, items}; a scored item says whether a demonstration model "
					+ "scored it.")
	@ApiResponse(responseCode = "200", description = "The items")
	@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such job of the member's",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/{id}/results")
	Map<String, Object> results(Member member, @PathVariable UUID id) {
		List<JobView.Item> items = jobs.items(member, id).stream().map(JobView::item).toList();
		return Map.of("jobId", id, "items", items);
	}

	@Operation(summary = "A batch job's results as CSV",
			description = "UTF-8 with a byte-order mark; formula-like cells start with an apostrophe. Columns: "
					+ JobResultsCsv.HEADER + ". The logit columns are the analysis's combined, calibrated logit and its parts "
					+ "(bias, audio, words, unknown words, residual; they add up to the logit), as in the prediction's "
					+ "`logit`; empty for an item without an analysis.")
	@ApiResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv",
			schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such job of the member's",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping(value = "/{id}/results.csv", produces = "text/csv")
	ResponseEntity<byte[]> resultsCsv(Member member, @PathVariable UUID id) {
		List<JobStore.ItemRow> items = jobs.items(member, id);
		byte[] csv = JobResultsCsv.write(items, jobs.logits(member, items)).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"prediction-job-" + id + ".csv\"")
			.body(csv);
	}

	@Operation(summary = "A batch job's webhook delivery log",
			description = "Every call of the job's webhook, newest first (the newest "
					+ JobStore.DELIVERY_LOG_SIZE + " are kept): delivery id, attempt, time, the receiver's HTTP "
					+ "status, outcome, our words for a failure, duration and whether it was a redelivery; with the "
					+ "delivery's state and, while it is pending, when the next call is due.")
	@ApiResponse(responseCode = "200", description = "The delivery log")
	@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "insufficient-scope: a partner client's token without "
			+ "predictions:read", content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such job of the member's, or it has no webhook",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/{id}/webhook-deliveries")
	WebhookDeliveries deliveries(Member member, @PathVariable UUID id) {
		return jobs.deliveries(member, id);
	}

	@Operation(summary = "Call an ended job's webhook again",
			description = "Queues a new delivery of the job's webhook (a new Hitter-Delivery id, retried like the "
					+ "first) and answers 202 with the delivery log. While a delivery is pending nothing more is "
					+ "queued: the answer is 202 all the same.")
	@ApiResponse(responseCode = "202", description = "Queued, or a delivery is pending already")
	@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "insufficient-scope: a partner client's token without "
			+ "jobs:write", content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "not-found: no such job of the member's, or it has no webhook",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "job-not-ended: the job is still running",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping("/{id}/webhook-deliveries")
	ResponseEntity<WebhookDeliveries> redeliver(Member member, @PathVariable UUID id) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.redeliver(member, id));
	}

	@Operation(summary = "Delete a batch job",
			description = "Deletes the job with its items and results, whether it has ended or not: tracks not yet "
					+ "scored are not scored. The owner only.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@NotFoundAnswer("not-found: no such job of the member's")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Member member, @PathVariable UUID id) {
		jobs.delete(member, id);
		return ResponseEntity.noContent().build();
	}
}
