package dev.hitter.prediction;

import org.springframework.http.HttpStatus;

import dev.hitter.kit.problem.ProblemType;

/** Problem types only prediction-service answers with (docs/problems.md lists every type). */
public final class PredictionProblems {

	/** The file is not audio at all, or a format we do not read; {@code reason} holds the decoder's code. */
	public static final ProblemType AUDIO_NOT_SUPPORTED = new ProblemType("audio-not-supported",
			"The upload is not audio in a format we read", HttpStatus.UNSUPPORTED_MEDIA_TYPE);

	/** Audio we recognise but cannot analyse (too short, truncated, damaged, …); {@code reason} says which. */
	public static final ProblemType AUDIO_REJECTED = new ProblemType("audio-rejected",
			"The audio cannot be analysed", HttpStatus.UNPROCESSABLE_CONTENT);

	/** Lyrics too long or not text; {@code reason} holds the tokenizer's code. */
	public static final ProblemType LYRICS_REJECTED = new ProblemType("lyrics-rejected",
			"The lyrics cannot be analysed", HttpStatus.UNPROCESSABLE_CONTENT);

	/** Every analysis slot (or every model predictor) stayed busy; {@code Retry-After} says when to retry. */
	public static final ProblemType ANALYSES_BUSY = new ProblemType("analyses-busy",
			"Too many analyses are running; retry later", HttpStatus.SERVICE_UNAVAILABLE);

	/**
	 * The member already has as many analyses running as one member may
	 * ({@code hitter.prediction.max-concurrent-analyses-per-member}); {@code Retry-After} says when to retry. 429,
	 * not 503: the service has room for others, this client is asking for more than its share.
	 */
	public static final ProblemType ANALYSIS_LIMIT_REACHED = new ProblemType("analysis-limit-reached",
			"Too many of your analyses are running", HttpStatus.TOO_MANY_REQUESTS);

	/** The genre's models are not loaded (yet); {@code Retry-After} says when to retry. */
	public static final ProblemType MODELS_UNAVAILABLE = new ProblemType("models-unavailable",
			"The hit models for this genre are not available; retry later", HttpStatus.SERVICE_UNAVAILABLE);

	/**
	 * A webhook URL this service will not call: not http(s), or its host is (or resolves to) a loopback, private,
	 * link-local or otherwise internal address; {@code reason} says which.
	 */
	public static final ProblemType WEBHOOK_URL_REFUSED = new ProblemType("webhook-url-refused",
			"The webhook URL is not allowed", HttpStatus.UNPROCESSABLE_CONTENT);

	/** The member already has as many batch items waiting as allowed; retry when some have finished. */
	public static final ProblemType JOB_LIMIT_REACHED = new ProblemType("job-limit-reached",
			"Too many of your batch items are waiting", HttpStatus.TOO_MANY_REQUESTS);

	/** A redelivery of a job's webhook asked for before the job has ended (its webhook is called when it ends). */
	public static final ProblemType JOB_NOT_ENDED = new ProblemType("job-not-ended",
			"The job has not ended yet", HttpStatus.CONFLICT);

	/** An {@code Idempotency-Key} sent again with a different submission. */
	public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType("idempotency-key-reused",
			"The Idempotency-Key was used for a different submission", HttpStatus.UNPROCESSABLE_CONTENT);

	/**
	 * A publication's file (or lyrics) is not what was analysed: its SHA-256 differs from the one recorded with the
	 * analysis; {@code errors} names {@code audio} or {@code lyrics}. Nothing is stored.
	 */
	public static final ProblemType PUBLICATION_MISMATCH = new ProblemType("publication-mismatch",
			"This is not the file (or the lyrics) that was analysed", HttpStatus.UNPROCESSABLE_CONTENT);

	/**
	 * Nothing to check a publication against: the analysis is older than recorded fingerprints, or lyrics were sent
	 * for an analysis made without lyrics; {@code errors} names the field.
	 */
	public static final ProblemType PUBLICATION_UNAVAILABLE = new ProblemType("publication-unavailable",
			"This analysis cannot be published", HttpStatus.UNPROCESSABLE_CONTENT);

	/** The member's published audio would pass their quota; {@code quotaBytes} and {@code usedBytes} say how far. */
	public static final ProblemType PUBLICATION_QUOTA_EXCEEDED = new ProblemType("publication-quota-exceeded",
			"Your published audio would exceed your quota", HttpStatus.CONFLICT);

	/** An administrator removed the entry: publishing is refused until one restores it. */
	public static final ProblemType ENTRY_REMOVED = new ProblemType("entry-removed",
			"An administrator removed this entry", HttpStatus.CONFLICT);

	/** A {@code Range} that starts past the end of the published file; {@code Content-Range} gives its size. */
	public static final ProblemType RANGE_NOT_SATISFIABLE = new ProblemType("range-not-satisfiable",
			"The requested range is past the end of the file", HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);

	private PredictionProblems() {
	}
}
