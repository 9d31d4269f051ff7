package dev.hitter.prediction.job;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.prediction.job.webhook.WebhookBackoff;
import dev.hitter.prediction.job.webhook.WebhookSender;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls the webhooks of ended jobs: claims a due call in the database (so one replica makes it), signs and sends
 * it, and on failure schedules the next attempt with back-off until the attempts run out. Delivery is at least
 * once: a receiver that answered 2xx but whose answer was lost gets the call again, with the same
 * {@code Hitter-Delivery} id to recognise it by. Every call is logged with the job (its delivery log); a
 * redelivery asked for later is a new delivery, with a new id and attempts of its own.
 */
@Component
class JobWebhooks implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobWebhooks.class);

	static final String EVENT = "prediction-job.completed";

	private final JobStore store;

	private final WebhookSender sender;

	private final WebhookBackoff backoff;

	private final JobProperties properties;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final BackgroundLoop loop;

	JobWebhooks(JobStore store, WebhookSender sender, WebhookBackoff backoff, JobProperties properties,
			TransactionTemplate transaction, ObjectMapper json) {
		this.store = store;
		this.sender = sender;
		this.backoff = backoff;
		this.properties = properties;
		this.transaction = transaction;
		this.json = json;
		this.loop = new BackgroundLoop("job-webhooks", 1, properties.pollInterval(), this::deliverNext);
	}

	/** Makes one due call; false when none is due. */
	boolean deliverNext() {
		// Past the call's own timeout, so a replica that dies mid-call leaves the call to be made again.
		Duration window = properties.webhook().timeout().multipliedBy(2).plusSeconds(10);
		Optional<JobStore.JobRow> due = transaction.execute(status -> store.claimDueWebhook(window));
		if (due.isEmpty()) {
			return false;
		}
		JobStore.JobRow job = due.get();
		byte[] body = json.writeValueAsBytes(payload(job, store.progress(job.id())));
		Instant attemptedAt = Instant.now();
		long started = System.nanoTime();
		WebhookSender.Attempt attempt = sender.send(URI.create(job.webhookUrl()), job.webhookSecret(), EVENT,
				job.deliveryId(), body);
		long durationMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
		if (attempt.delivered()) {
			transaction.executeWithoutResult(status -> {
				store.recordWebhookDelivered(job.id(), attempt.status());
				store.logWebhookCall(job, attemptedAt, attempt.status(), true, null, durationMs);
			});
			return true;
		}
		Optional<Duration> retry = attempt.permanent() ? Optional.empty()
				: backoff.delayAfter(job.webhookAttempts());
		log.info("Webhook of job {} failed (attempt {}): {}; {}", job.id(), job.webhookAttempts(), attempt.error(),
				retry.map(d -> "next attempt in " + d).orElse("giving up"));
		transaction.executeWithoutResult(status -> {
			store.recordWebhookFailure(job.id(), attempt.status(), attempt.error(), retry);
			store.logWebhookCall(job, attemptedAt, attempt.status(), false, attempt.error(), durationMs);
		});
		return true;
	}

	/** What the receiver is told: which job ended, how it went, and where its results are. */
	static Map<String, Object> payload(JobStore.JobRow job, JobStore.Progress progress) {
		Map<String, Object> jobPart = new LinkedHashMap<>();
		jobPart.put("id", job.id());
		jobPart.put("state", job.state());
		jobPart.put("total", job.totalItems());
		jobPart.put("succeeded", progress.succeeded());
		jobPart.put("failed", progress.failed());
		jobPart.put("createdAt", job.createdAt());
		jobPart.put("finishedAt", job.finishedAt());
		jobPart.put("links", JobView.Links.of(job.id()));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", EVENT);
		payload.put("deliveryId", job.deliveryId());
		payload.put("redelivery", job.webhookRedelivery());
		payload.put("job", jobPart);
		return payload;
	}

	@Override
	public void start() {
		loop.start();
	}

	@Override
	public void stop() {
		loop.stop(properties.webhook().timeout());
	}

	@Override
	public boolean isRunning() {
		return loop.isRunning();
	}
}
