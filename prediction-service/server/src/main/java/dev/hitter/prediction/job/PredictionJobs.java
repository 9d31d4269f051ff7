package dev.hitter.prediction.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import dev.hitter.prediction.Paging;
import dev.hitter.prediction.PredictionProblems;
import dev.hitter.prediction.analysis.Explanation;
import dev.hitter.prediction.client.ClientUsage;
import dev.hitter.prediction.history.Predictions;
import dev.hitter.prediction.job.webhook.WebhookSignature;

/**
 * Members' batch jobs: stages a submission (safely repeatable with an {@code Idempotency-Key}), shows progress and
 * results, deletes. Another member's job is answered exactly like a missing one.
 */
@Service
public class PredictionJobs {

	/** When a member over the item limit may try again: items take about a second each. */
	static final Duration LIMIT_RETRY_AFTER = Duration.ofMinutes(1);

	private final JobStore store;

	private final JobProperties properties;

	private final TransactionTemplate transaction;

	/** Submissions: READ COMMITTED, so that a submission let past the member's lock counts the one before it. */
	private final TransactionTemplate staging;

	private final ClientUsage clientUsage;

	private final Predictions predictions;

	PredictionJobs(JobStore store, JobProperties properties, TransactionTemplate transaction,
			PlatformTransactionManager transactions, ClientUsage clientUsage, Predictions predictions) {
		this.clientUsage = clientUsage;
		this.predictions = predictions;
		this.store = store;
		this.properties = properties;
		this.transaction = transaction;
		this.staging = new TransactionTemplate(transactions);
		this.staging.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	/** The job a submission made, and whether it was made earlier by the same idempotent submission. */
	record Submitted(JobView job, boolean replayed) {
	}

	Submitted submit(Member member, String idempotencyKey, JobSubmission submission) {
		// The partner client that submits it, if any: its items' analyses are that client's too.
		String clientId = member.clientId();
		if (idempotencyKey != null) {
			var earlier = store.jobByIdempotencyKey(member.id(), idempotencyKey);
			if (earlier.isPresent()) {
				return replay(earlier.get(), submission);
			}
		}
		String secret = submission.webhookUrl() == null ? null
				: submission.webhookSecret() != null ? submission.webhookSecret() : WebhookSignature.newSecret();
		UUID id = UUID.randomUUID();
		store.ensureMemberRow(member.id());
		try {
			Optional<JobStore.JobRow> earlier = staging.execute(status -> {
				// Checked and used up under the member's lock: two submissions racing cannot both fit.
				JobStore.MemberUsage usage = store.lockUsageOf(member.id());
				if (idempotencyKey != null) {
					// A retry that waited at the lock for its first attempt to be stored.
					Optional<JobStore.JobRow> stored = store.jobByIdempotencyKey(member.id(), idempotencyKey);
					if (stored.isPresent()) {
						return stored;
					}
				}
				checkLimits(usage, submission);
				store.insertJob(id, member.id(), idempotencyKey, submission.fingerprint(),
						submission.tracks().size(), submission.webhookUrl(), secret, clientId);
				List<StagedTrack> tracks = submission.tracks();
				for (int i = 0; i < tracks.size(); i++) {
					store.insertItem(id, member.id(), i, tracks.get(i), clientId);
				}
				return Optional.<JobStore.JobRow>empty();
			});
			if (earlier.isPresent()) {
				return replay(earlier.get(), submission);
			}
		}
		catch (DuplicateKeyException ex) {
			// The same key raced in from a concurrent retry, which stored its job first.
			return replay(store.jobByIdempotencyKey(member.id(), idempotencyKey).orElseThrow(() -> ex), submission);
		}
		catch (PessimisticLockingFailureException ex) {
			// Another submission of this member held the lock past the database's lock wait (a large upload).
			throw new ApiException(PredictionProblems.JOB_LIMIT_REACHED,
					"Another submission of yours is still being stored; submit this one when it has been answered.",
					LIMIT_RETRY_AFTER);
		}
		clientUsage.job(member.id(), clientId);
		JobStore.JobRow job = store.job(id).orElseThrow();
		// A secret the member chose is theirs already; one made here is shown this once.
		String shown = submission.webhookSecret() == null ? secret : null;
		return new Submitted(JobView.of(job, store.progress(id), null, shown), false);
	}

	/** Refuses a submission that would take the member past their waiting items or staged bytes. */
	private void checkLimits(JobStore.MemberUsage usage, JobSubmission submission) {
		int items = submission.tracks().size();
		if (usage.items() + items > properties.maxUnfinishedItemsPerMember()) {
			throw new ApiException(PredictionProblems.JOB_LIMIT_REACHED, "You have " + usage.items()
					+ " batch items waiting; " + items + " more would pass your limit of "
					+ properties.maxUnfinishedItemsPerMember() + ". Submit them when some have finished.",
					LIMIT_RETRY_AFTER);
		}
		long bytes = submission.tracks().stream().mapToLong(track -> track.audio().getSize()).sum();
		long limit = properties.maxStagedBytesPerMember().toBytes();
		if (usage.stagedBytes() + bytes > limit) {
			throw new ApiException(PredictionProblems.JOB_LIMIT_REACHED, "Your waiting batch items keep "
					+ megabytes(usage.stagedBytes()) + " of audio; this submission's " + megabytes(bytes)
					+ " would pass your limit of " + megabytes(limit) + ". Submit it when some have finished.",
					LIMIT_RETRY_AFTER);
		}
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	private Submitted replay(JobStore.JobRow job, JobSubmission submission) {
		if (!job.requestHash().equals(submission.fingerprint())) {
			throw new ApiException(PredictionProblems.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key made job "
					+ job.id() + " from a different submission; use a new key for a new submission.");
		}
		// The retry may be because the first answer was lost: it carries the webhook secret again.
		return new Submitted(JobView.of(job, store.progress(job.id()), null, job.webhookSecret()), true);
	}

	JobView find(Member member, UUID id) {
		JobStore.JobRow job = owned(member, id);
		return JobView.of(job, store.progress(id), store.items(id), null);
	}

	List<JobStore.ItemRow> items(Member member, UUID id) {
		owned(member, id);
		return store.items(id);
	}

	/** The combined logit and its parts of the items' analyses, by prediction id (see {@link JobResultsCsv}). */
	Map<UUID, Explanation.Logit> logits(Member member, List<JobStore.ItemRow> items) {
		return predictions.logitsOf(member, items.stream().map(JobStore.ItemRow::predictionId).filter(Objects::nonNull).toList());
	}

	JobPage mine(Member member, Paging paging) {
		int page = paging.page();
		int size = paging.size();
		long total = store.countJobsOf(member.id());
		List<JobView> jobs = store.jobsOf(member.id(), paging.offset(), size)
			.stream()
			.map(job -> JobView.of(job, store.progress(job.id()), null, null))
			.toList();
		return new JobPage(jobs, page, size, total, (int) ((total + size - 1) / size));
	}

	/**
	 * Stops a job's unfinished items and forgets the job; its staged audio and lyrics go with it. The predictions
	 * it made stay in the member's history.
	 */
	void delete(Member member, UUID id) {
		owned(member, id);
		transaction.executeWithoutResult(status -> store.deleteJob(id));
	}

	/** The job's webhook calls, newest first, with the state of its delivery; 404 when it has no webhook. */
	WebhookDeliveries deliveries(Member member, UUID id) {
		JobStore.JobRow job = withWebhook(member, id);
		List<WebhookDeliveries.Call> calls = store.webhookCalls(id).stream().map(WebhookDeliveries::call).toList();
		return new WebhookDeliveries(calls, job.webhookState(),
				job.webhookState() == WebhookState.PENDING ? job.webhookDueAt() : null);
	}

	/**
	 * Calls an ended job's webhook once more, as a new delivery. A redelivery (or the first delivery) still pending
	 * is that call: nothing more is queued, so repeating the request costs the receiver nothing.
	 */
	WebhookDeliveries redeliver(Member member, UUID id) {
		JobStore.JobRow job = withWebhook(member, id);
		if (job.state() == JobState.RUNNING) {
			throw new ApiException(PredictionProblems.JOB_NOT_ENDED, "Job " + id
					+ " is still running; its webhook is called when it ends.");
		}
		transaction.executeWithoutResult(status -> store.queueRedelivery(id));
		return deliveries(member, id);
	}

	private JobStore.JobRow withWebhook(Member member, UUID id) {
		JobStore.JobRow job = owned(member, id);
		if (job.webhookUrl() == null) {
			throw new ApiException(ProblemType.NOT_FOUND, "Prediction job " + id + " has no webhook.");
		}
		return job;
	}

	private JobStore.JobRow owned(Member member, UUID id) {
		JobStore.JobRow job = store.job(id).orElse(null);
		if (job == null || !job.memberId().equals(member.id())) {
			throw new ApiException(ProblemType.NOT_FOUND, "There is no prediction job " + id + ".");
		}
		return job;
	}
}
