package dev.hitter.community.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.hitter.community.CommunityProblems;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import feign.FeignException;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * Takes a snapshot of a member's own analysis from prediction-service, guarded so that a member waits at most
 * {@link PredictionClientProperties#timeLimit()} whatever prediction-service does: a time limit around the whole call,
 * retries with exponential back-off inside it, and a circuit breaker around each attempt that, once prediction-service
 * has failed often enough, refuses at once until it lets trial calls through again (no restart needed). A failure is
 * a 503 {@code dependency-unavailable}; an analysis the member may not see, or does not own, is a 404 on
 * {@code predictionId} — that is an answer, not a failure, and neither retried nor counted against the circuit.
 */
@Service
public class AnalysisSnapshots {

	/** The circuit breaker's name in logs and metrics. */
	public static final String CIRCUIT = "prediction-service";

	private static final Logger log = LoggerFactory.getLogger(AnalysisSnapshots.class);

	private final PredictionClient client;

	private final PredictionClientProperties properties;

	private final Clock clock;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final TimeLimiter timeLimiter;

	// The calls run here so that the time limit can walk away from a hung one; bounded, like the callers.
	private final ExecutorService calls;

	AnalysisSnapshots(PredictionClient client, PredictionClientProperties properties, Clock clock) {
		this.client = client;
		this.properties = properties;
		this.clock = clock;
		Predicate<Throwable> unavailable = AnalysisSnapshots::isUnavailability;
		this.circuitBreaker = CircuitBreaker.of(CIRCUIT, CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.slidingWindow())
			.minimumNumberOfCalls(Math.min(properties.slidingWindow(), 4))
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(2)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.recordException(unavailable)
			.build());
		this.retry = Retry.of(CIRCUIT, RetryConfig.custom()
			.maxAttempts(properties.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(properties.backoff(), 2.0))
			// Not while the circuit is open: that refusal is the point.
			.retryOnException(unavailable.and(ex -> !(ex instanceof CallNotPermittedException)))
			.build());
		this.timeLimiter = TimeLimiter.of(CIRCUIT,
				TimeLimiterConfig.custom().timeoutDuration(properties.timeLimit()).cancelRunningFuture(true).build());
		AtomicInteger threads = new AtomicInteger();
		// The call runs on a thread of its own (so that the time limit can abandon it); the request's trace goes with
		// it, so that prediction-service's span is a child of this request's (docs/observability.md).
		ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
		this.calls = ContextExecutorService.wrap(Executors.newFixedThreadPool(8, task -> {
			Thread thread = new Thread(task, "prediction-call-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}), snapshots::captureAll);
		circuitBreaker.getEventPublisher()
			.onStateTransition(event -> log.warn("Circuit to prediction-service: {}", event.getStateTransition()));
	}

	/**
	 * The snapshot of the analysis as the member (by their {@code bearerToken}) sees it now.
	 *
	 * @throws ApiException 404 on {@code predictionId} when the member does not own it (or may not see it at all);
	 *     503 {@code dependency-unavailable} when prediction-service did not answer in time
	 */
	public AnalysisSnapshot take(UUID predictionId, String bearerToken) {
		PredictionAnswer answer = fetch(predictionId, "Bearer " + bearerToken);
		if (!answer.ownedByMe()) {
			throw notYours();
		}
		return snapshotOf(answer);
	}

	/** How the circuit stands, for tests and the health of operators' dashboards. */
	public CircuitBreaker.State circuitState() {
		return circuitBreaker.getState();
	}

	private PredictionAnswer fetch(UUID predictionId, String authorization) {
		var attempt = CircuitBreaker.decorateSupplier(circuitBreaker, () -> client.prediction(predictionId, authorization));
		var attempts = Retry.decorateSupplier(retry, attempt);
		try {
			return timeLimiter.executeFutureSupplier(() -> submit(attempts));
		}
		catch (FeignException.NotFound | FeignException.Forbidden | FeignException.Unauthorized refused) {
			throw notYours();
		}
		catch (ApiException ex) {
			throw ex;
		}
		catch (Exception ex) {
			Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof FeignException.NotFound || cause instanceof FeignException.Forbidden
					|| cause instanceof FeignException.Unauthorized) {
				throw notYours();
			}
			if (!isUnavailability(cause) && !(cause instanceof TimeoutException)
					&& !(cause instanceof CancellationException)) {
				log.error("Unexpected answer from prediction-service for analysis {}", predictionId, cause);
			}
			else {
				log.info("prediction-service unavailable for a snapshot: {}", cause.toString());
			}
			throw unavailable();
		}
	}

	private Future<PredictionAnswer> submit(java.util.function.Supplier<PredictionAnswer> attempts) {
		return CompletableFuture.supplyAsync(attempts, calls);
	}

	/** Whether the failure says prediction-service is not answering properly (not: it answered no). */
	static boolean isUnavailability(Throwable ex) {
		if (ex instanceof RetryableException || ex instanceof CallNotPermittedException
				|| ex instanceof TimeoutException) {
			return true;
		}
		if (ex instanceof FeignException feign) {
			return feign.status() < 0 || feign.status() >= 500 || feign.status() == 429;
		}
		return false;
	}

	private AnalysisSnapshot snapshotOf(PredictionAnswer answer) {
		PredictionAnswer.Models models = answer.model();
		PredictionAnswer.Model audioModel = models == null ? null : models.audio();
		PredictionAnswer.Model lyricsModel = models == null ? null : models.lyrics();
		Set<String> notices = new LinkedHashSet<>();
		for (PredictionAnswer.Model model : new PredictionAnswer.Model[] { audioModel, lyricsModel }) {
			if (model != null && model.notice() != null && !model.notice().isBlank()) {
				notices.add(model.notice().strip());
			}
		}
		boolean demonstration = (audioModel != null && audioModel.demonstration())
				|| (lyricsModel != null && lyricsModel.demonstration());
		String versions = version(audioModel) + "/" + version(lyricsModel);
		List<AnalysisSnapshot.Segment> top = answer.audio() == null || answer.audio().topSegments() == null ? List.of()
				: List.copyOf(answer.audio().topSegments());
		return new AnalysisSnapshot(answer.id(), answer.title(), answer.artist(), answer.genre(),
				answer.hitProbability(), answer.audio() == null ? 0 : answer.audio().score(),
				answer.lyrics() == null ? 0 : answer.lyrics().score(), top,
				notices.isEmpty() ? null : String.join("\n", notices), demonstration, versions,
				"/analyses/" + answer.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
	}

	private static String version(PredictionAnswer.Model model) {
		return model == null ? "-" : model.modelId() + "@" + model.version();
	}

	private static ApiException notYours() {
		return ApiException.forField(ProblemType.NOT_FOUND, "predictionId", "is not one of your analyses");
	}

	private ApiException unavailable() {
		Duration retryAfter = circuitBreaker.getState() == CircuitBreaker.State.OPEN ? properties.waitInOpenState()
				: Duration.ofSeconds(5);
		return new ApiException(CommunityProblems.DEPENDENCY_UNAVAILABLE,
				"The analysis cannot be fetched from prediction-service right now; nothing was posted. Try again later.",
				retryAfter);
	}

	@PreDestroy
	void stop() {
		calls.shutdownNow();
	}
}
