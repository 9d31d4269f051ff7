package dev.hitter.prediction.job;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hitter.kit.problem.ProblemType;
import dev.hitter.models.Genre;
import dev.hitter.prediction.history.PredictionView;

/**
 * A batch job as its member sees it: progress, the webhook's state, and each item's outcome.
 *
 * @param webhookSecret shown once, in the answer to the submission that made it; null everywhere else
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(UUID id, JobState state, Instant createdAt, Instant finishedAt, int total, Progress progress,
		Webhook webhook, List<Item> items, Links links, String webhookSecret) {

	/** Items by state; {@code done} is the share finished, 0 to 1. */
	public record Progress(int queued, int running, int succeeded, int failed, double done) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Webhook(String url, WebhookState state, int attempts, Integer lastStatus, String lastError) {
	}

	/**
	 * One track: its outcome once finished (the prediction, or the problem that stopped it).
	 *
	 * @param demonstration with a result: true when either model that gave it was a demonstration model (trained on
	 *     synthetic data); absent without a result (and for results kept before it was recorded whose prediction is
	 *     gone)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Item(int position, String file, String title, String artist, Genre genre, ItemState state,
			int attempts, UUID predictionId, Double hitProbability, Double audioProbability, Double lyricsProbability,
			String modelSetVersion, Boolean demonstration, Problem problem, Instant finishedAt, String prediction) {
	}

	/** Why an item failed, in the terms of the API's problem types. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Problem(URI type, String detail, String reason) {
	}

	public record Links(String self, String results, String resultsCsv) {

		static Links of(UUID id) {
			String self = PredictionJobController.BASE + "/" + id;
			return new Links(self, self + "/results", self + "/results.csv");
		}
	}

	static JobView of(JobStore.JobRow job, JobStore.Progress progress, List<JobStore.ItemRow> items,
			String webhookSecret) {
		int finished = progress.succeeded() + progress.failed();
		Progress counts = new Progress(progress.queued(), progress.running(), progress.succeeded(), progress.failed(),
				job.totalItems() == 0 ? 1 : (double) finished / job.totalItems());
		Webhook webhook = job.webhookUrl() == null ? null
				: new Webhook(job.webhookUrl(), job.webhookState(), job.webhookAttempts(), job.webhookStatus(),
						job.webhookLastError());
		return new JobView(job.id(), job.state(), job.createdAt(), job.finishedAt(), job.totalItems(), counts,
				webhook, items == null ? null : items.stream().map(JobView::item).toList(), Links.of(job.id()),
				webhookSecret);
	}

	static Item item(JobStore.ItemRow row) {
		Problem problem = row.problemType() == null ? null
				: new Problem(URI.create(ProblemType.BASE_URI + row.problemType()), row.problemDetail(),
						row.problemReason());
		return new Item(row.position(), row.fileName(), row.title(), row.artist(), row.genre(), row.state(),
				row.attempts(), row.predictionId(), row.hitProbability(), row.audioProbability(),
				row.lyricsProbability(), row.modelSetVersion(), row.demonstration(), problem, row.finishedAt(),
				row.predictionId() == null ? null : PredictionView.Links.of(row.predictionId()).self());
	}
}
