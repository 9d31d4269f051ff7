package dev.hitter.prediction.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.prediction.PredictionProblems;
import dev.hitter.prediction.analysis.AnalysisProperties;
import dev.hitter.prediction.analysis.TrackAnalysis;
import dev.hitter.prediction.analysis.UploadFolder;
import dev.hitter.prediction.history.Predictions;
import dev.hitter.serving.ModelRegistry;

/**
 * Scores batch items on this replica: claims one item at a time in the database, analyses it like a single upload,
 * and keeps the prediction together with the item's outcome in one transaction, on the condition that this replica
 * still holds the item's lease. That condition is what makes "scored exactly once" hold when a replica dies or
 * stalls: a lease that ran out goes to another replica, and only one of the two can record a result.
 */
@Component
class JobWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

	/** How often an idle worker looks for jobs whose completion was missed. */
	static final Duration SWEEP_INTERVAL = Duration.ofSeconds(30);

	static final int RECORD_ATTEMPTS = 3;

	private final JobStore store;

	private final TrackAnalysis analysis;

	private final ModelRegistry registry;

	private final UploadFolder uploads;

	private final Predictions predictions;

	private final JobProperties properties;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readCommitted;

	private final String owner;

	private final JobMetrics metrics;

	private final BackgroundLoop loop;

	private volatile long nextSweep;

	JobWorker(JobStore store, TrackAnalysis analysis, ModelRegistry registry, UploadFolder uploads, Predictions predictions, JobProperties properties,
			AnalysisProperties analyses, PlatformTransactionManager transactions, JobMetrics metrics) {
		this.metrics = metrics;
		this.store = store;
		this.analysis = analysis;
		this.registry = registry;
		this.uploads = uploads;
		this.predictions = predictions;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.readCommitted = new TransactionTemplate(transactions);
		this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.owner = properties.instanceIdOrDefault();
		int workers = properties.workers() > 0 ? properties.workers() : analyses.analysisSlots();
		this.loop = new BackgroundLoop("job-worker", workers, properties.pollInterval(), this::scoreNext);
	}

	/** This replica's name in leases and in {@code scored_by}. */
	String owner() {
		return owner;
	}

	/** Claims and scores one item; false when none is due. */
	boolean scoreNext() {
		if (!registry.isReady()) {
			// Claiming now would only put items back with a delay: wait for the models instead.
			return false;
		}
		Optional<JobStore.ClaimedItem> claimed = transaction.execute(status -> store.claimNext(owner,
				properties.lease()));
		if (claimed.isEmpty()) {
			sweepIfDue();
			return false;
		}
		JobStore.ClaimedItem item = claimed.get();
		if (item.attempts() > properties.maxAttempts()) {
			log.warn("Giving up item {} of job {} after {} attempts", item.id(), item.jobId(), item.attempts() - 1);
			kept(item, transaction.execute(status -> store.recordFailure(item.id(), owner,
					ProblemType.INTERNAL_ERROR.slug(), "The analysis did not finish in " + properties.maxAttempts()
							+ " attempts; the file may be damaged in a way the decoder does not survive.",
					"attempts-exhausted")), JobMetrics.Outcome.FAILED);
		}
		else {
			score(item);
		}
		readCommitted.executeWithoutResult(status -> store.completeIfDone(item.jobId()));
		return true;
	}

	private void score(JobStore.ClaimedItem item) {
		UUID predictionId = UUID.randomUUID();
		Path audio = null;
		try {
			// Out of the staging table into a private file, as a single upload is received, for the analysis only.
			audio = uploads.receive(store.openAudio(item.id()));
			TrackAnalysis.Result result = analysis.analyse(new TrackAnalysis.Track(item.genre(), audio,
					item.lyrics(), "lyrics"));
			boolean recorded = withRetries(() -> transaction.execute(status -> {
				if (!store.recordSuccess(item.id(), owner, predictionId, result.hitProbability(),
						result.audioProbability(), result.lyricsProbability(), result.modelSetVersion(),
						result.demonstration())) {
					return false;
				}
				predictions.record(predictionId, item.memberId(), result, item.title(), item.artist(),
						item.clientId());
				return true;
			}));
			kept(item, recorded, JobMetrics.Outcome.SUCCEEDED);
		}
		catch (ApiException ex) {
			if (ex.type().equals(PredictionProblems.ANALYSES_BUSY)
					|| ex.type().equals(PredictionProblems.MODELS_UNAVAILABLE)) {
				// Not the item's fault: it waits its turn again without using up an attempt.
				Duration delay = ex.retryAfter().orElse(properties.busyRetry());
				kept(item, transaction.execute(status -> store.requeue(item.id(), owner, delay, false)),
						JobMetrics.Outcome.REQUEUED);
				return;
			}
			Object reason = ex.properties().get("reason");
			kept(item, transaction.execute(status -> store.recordFailure(item.id(), owner, ex.type().slug(),
					ex.getMessage(), reason == null ? null : reason.toString())), JobMetrics.Outcome.FAILED);
		}
		catch (IOException | RuntimeException ex) {
			log.error("Item {} of job {} failed on attempt {}; it will be retried", item.id(), item.jobId(),
					item.attempts(), ex);
			kept(item, transaction.execute(status -> store.requeue(item.id(), owner, properties.busyRetry(), true)),
					JobMetrics.Outcome.REQUEUED);
		}
		finally {
			uploads.discard(audio);
		}
	}

	/**
	 * Counts an outcome this replica recorded, or says that it was not recorded: the item's lease ran out (this
	 * replica stalled) and another replica took it over, whose outcome is the one kept; or the job was deleted.
	 */
	private void kept(JobStore.ClaimedItem item, Boolean recorded, JobMetrics.Outcome outcome) {
		if (Boolean.TRUE.equals(recorded)) {
			metrics.finished(outcome);
			return;
		}
		metrics.finished(JobMetrics.Outcome.DROPPED);
		log.info("Item {} of job {} is no longer held by this replica (its lease ran out and another replica took "
				+ "it over, or its job was deleted); this replica's outcome ({}) is dropped", item.id(), item.jobId(),
				outcome.name().toLowerCase(Locale.ROOT));
	}

	/**
	 * Records an outcome, again if the database chose this transaction as a deadlock's victim: the analysis took
	 * a second of CPU, and giving up here would leave the item to be scored again only when its lease runs out.
	 */
	private static boolean withRetries(Supplier<Boolean> record) {
		for (int attempt = 1;; attempt++) {
			try {
				return Boolean.TRUE.equals(record.get());
			}
			catch (TransientDataAccessException ex) {
				if (attempt == RECORD_ATTEMPTS) {
					throw ex;
				}
				log.debug("Recording an item outcome met {}; trying again", ex.toString());
			}
		}
	}

	/** Completes jobs whose last item finished on a replica that died before it could complete the job. */
	private void sweepIfDue() {
		long now = System.nanoTime();
		if (now - nextSweep < 0) {
			return;
		}
		nextSweep = now + SWEEP_INTERVAL.toNanos();
		for (UUID job : store.runningJobsWithNothingLeft(50)) {
			readCommitted.executeWithoutResult(status -> store.completeIfDone(job));
		}
	}

	@Override
	public void start() {
		log.info("Scoring batch items as {} with {} worker(s)", owner, properties.workers() > 0
				? properties.workers() : "one per analysis slot");
		loop.start();
	}

	@Override
	public void stop() {
		// The items in hand finish (a second or so each); any that do not keep their lease and are taken over.
		loop.stop(Duration.ofSeconds(15));
	}

	@Override
	public boolean isRunning() {
		return loop.isRunning();
	}
}
