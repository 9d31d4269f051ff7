package dev.hitter.prediction.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.prediction.PartnerApiTestBase;
import dev.hitter.prediction.job.webhook.WebhookSignature;

/**
 * The webhook delivery log and redelivery through the API on the real database: every call is logged, an ended
 * job's webhook is called again on request (once, however often it is asked), and the operator's allowed target is
 * called although it is a loopback address while any other loopback port is refused.
 */
class WebhookDeliveryLogTest extends PartnerApiTestBase {

	static final String BASE = PredictionJobApiTest.BASE;

	@Autowired
	JobStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobWebhooks webhooks;

	final UUID member = UUID.randomUUID();

	@Test
	void logsEveryCallAndRedeliversAnEndedJobOnceOnRequest() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver(RECEIVER_PORT, new int[] { 500, 204 })) {
			String accepted = mvc.perform(multipart(BASE).file(PredictionJobApiTest.audio("a.wav", 40))
				.param("genre", "POP")
				.param("webhookUrl", receiver.url())
				.with(PredictionJobApiTest.as(member)))
				.andExpect(status().isAccepted())
				.andReturn()
				.getResponse()
				.getContentAsString();
			String id = JsonPath.read(accepted, "$.id");
			String secret = JsonPath.read(accepted, "$.webhookSecret");
			awaitJob(id, "$.webhook.state", "DELIVERED");

			String log = read(BASE + "/" + id + "/webhook-deliveries");
			assertThat(JsonPath.<String>read(log, "$.state")).isEqualTo("DELIVERED");
			assertThat(JsonPath.<Object>read(log, "$.nextAttemptAt")).isNull();
			// Newest first: the retry that was taken, then the first call that got 500.
			assertThat(JsonPath.<List<Integer>>read(log, "$.items[*].attempt")).containsExactly(2, 1);
			assertThat(JsonPath.<List<Integer>>read(log, "$.items[*].status")).containsExactly(204, 500);
			assertThat(JsonPath.<List<String>>read(log, "$.items[*].outcome")).containsExactly("DELIVERED", "FAILED");
			assertThat(JsonPath.<List<String>>read(log, "$.items[*].deliveryId")).containsOnly(id);
			assertThat(JsonPath.<List<Boolean>>read(log, "$.items[*].redelivery")).containsOnly(false);
			assertThat(JsonPath.<String>read(log, "$.items[1].error")).isEqualTo("HTTP 500: the receiver failed");
			assertThat(JsonPath.<Object>read(log, "$.items[0].error")).isNull();
			assertThat(JsonPath.<Number>read(log, "$.items[0].durationMs").longValue()).isBetween(0L, 3000L);
			Instant second = Instant.parse(JsonPath.read(log, "$.items[0].attemptedAt"));
			Instant first = Instant.parse(JsonPath.read(log, "$.items[1].attemptedAt"));
			assertThat(second).isAfter(first);

			// Asked twice while the caller is held: one new delivery, pending, then called once with a new id.
			webhooks.stop();
			try {
				mvc.perform(post(BASE + "/" + id + "/webhook-deliveries").with(PredictionJobApiTest.as(member)))
					.andExpect(status().isAccepted())
					.andExpect(jsonPath("$.state").value("PENDING"))
					.andExpect(jsonPath("$.nextAttemptAt").isNotEmpty())
					.andExpect(jsonPath("$.items.length()").value(2));
				mvc.perform(post(BASE + "/" + id + "/webhook-deliveries").with(PredictionJobApiTest.as(member)))
					.andExpect(status().isAccepted())
					.andExpect(jsonPath("$.state").value("PENDING"));
			}
			finally {
				webhooks.start();
			}
			awaitJob(id, "$.webhook.state", "DELIVERED");
			Thread.sleep(500);
			assertThat(receiver.calls()).hasSize(3);
			WebhookReceiver.Call again = receiver.calls().get(2);
			String redeliveryId = again.header("Hitter-Delivery");
			assertThat(redeliveryId).isNotEqualTo(id);
			assertThat(WebhookSignature.verify(secret, again.header("Hitter-Signature"), again.body(),
					Instant.now().getEpochSecond(), 300)).isTrue();
			String payload = new String(again.body(), StandardCharsets.UTF_8);
			assertThat(JsonPath.<String>read(payload, "$.deliveryId")).isEqualTo(redeliveryId);
			assertThat(JsonPath.<Boolean>read(payload, "$.redelivery")).isTrue();
			assertThat(JsonPath.<String>read(payload, "$.job.id")).isEqualTo(id);

			log = read(BASE + "/" + id + "/webhook-deliveries");
			assertThat(JsonPath.<List<String>>read(log, "$.items[*].deliveryId")).containsExactly(redeliveryId, id, id);
			assertThat(JsonPath.<List<Boolean>>read(log, "$.items[*].redelivery")).containsExactly(true, false, false);
			assertThat(JsonPath.<Integer>read(log, "$.items[0].attempt")).isEqualTo(1);
			assertThat(JsonPath.<String>read(log, "$.items[0].outcome")).isEqualTo("DELIVERED");
			// The job's own view counts the attempts of the delivery under way.
			assertThat(JsonPath.<Integer>read(read(BASE + "/" + id), "$.webhook.attempts")).isEqualTo(1);

			// Another member sees neither the log nor may ask for a redelivery.
			UUID stranger = UUID.randomUUID();
			mvc.perform(get(BASE + "/" + id + "/webhook-deliveries").with(PredictionJobApiTest.as(stranger)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/not-found"));
			mvc.perform(post(BASE + "/" + id + "/webhook-deliveries").with(PredictionJobApiTest.as(stranger)))
				.andExpect(status().isNotFound());
			mvc.perform(get(BASE + "/" + id + "/webhook-deliveries")).andExpect(status().isUnauthorized());
			Thread.sleep(300);
			assertThat(receiver.calls()).hasSize(3);
		}
	}

	@Test
	void refusesARedeliveryBeforeTheJobEndsAndForAJobWithoutWebhook() throws Exception {
		UUID running = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO prediction_job (id, member_id, request_hash, state, total_items, created_at, webhook_url,
				    webhook_secret, webhook_state)
				VALUES (?, ?, REPEAT('0', 64), 'RUNNING', 1, NOW(6), 'http://127.0.0.1:8701/hook',
				    'a secret of enough length', 'NONE')""")
			.params(running.toString(), member.toString())
			.update();
		// An item not due for a day: no worker takes it, so the job stays running.
		jdbc.sql("""
				INSERT INTO prediction_job_item (id, job_id, member_id, position, file_name, genre, audio_size, state,
				    available_at)
				VALUES (?, ?, ?, 0, 'later.wav', 'POP', 1, 'QUEUED', DATE_ADD(NOW(6), INTERVAL 1 DAY))""")
			.params(UUID.randomUUID().toString(), running.toString(), member.toString())
			.update();
		try {
			mvc.perform(post(BASE + "/" + running + "/webhook-deliveries").with(PredictionJobApiTest.as(member)))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/job-not-ended"));
			String log = read(BASE + "/" + running + "/webhook-deliveries");
			assertThat(JsonPath.<List<Object>>read(log, "$.items")).isEmpty();
			assertThat(JsonPath.<String>read(log, "$.state")).isEqualTo("NONE");
		}
		finally {
			store.deleteJob(running);
		}

		String plain = JsonPath.read(mvc.perform(multipart(BASE).file(PredictionJobApiTest.audio("b.wav", 40))
			.param("genre", "POP")
			.with(PredictionJobApiTest.as(member)))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		awaitJob(plain, "$.state", "COMPLETED");
		mvc.perform(post(BASE + "/" + plain + "/webhook-deliveries").with(PredictionJobApiTest.as(member)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no webhook")));
		mvc.perform(get(BASE + "/" + plain + "/webhook-deliveries").with(PredictionJobApiTest.as(member)))
			.andExpect(status().isNotFound());
	}

	@Test
	void keepsOnlyTheNewestCallsOfAJob() throws Exception {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO prediction_job (id, member_id, request_hash, state, total_items, created_at, finished_at,
				    webhook_url, webhook_secret, webhook_state, webhook_attempts)
				VALUES (?, ?, REPEAT('0', 64), 'COMPLETED', 0, NOW(6), NOW(6), 'http://127.0.0.1:8701/hook',
				    'a secret of enough length', 'FAILED', 8)""")
			.params(id.toString(), member.toString())
			.update();
		JobStore.JobRow job = store.job(id).orElseThrow();
		for (int i = 0; i < JobStore.DELIVERY_LOG_SIZE + 7; i++) {
			store.logWebhookCall(job, Instant.now(), 503, false, "HTTP 503: the receiver failed", 5);
		}
		assertThat(store.webhookCalls(id)).hasSize(JobStore.DELIVERY_LOG_SIZE);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM prediction_job_webhook_delivery WHERE job_id = ?")
			.param(id.toString()).query(Long.class).single()).isEqualTo(JobStore.DELIVERY_LOG_SIZE);
		store.deleteJob(id);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM prediction_job_webhook_delivery WHERE job_id = ?")
			.param(id.toString()).query(Long.class).single()).isZero();
	}

	@Test
	void refusesAnyOtherLoopbackReceiverAtSubmission() throws Exception {
		mvc.perform(multipart(BASE).file(PredictionJobApiTest.audio("c.wav", 1))
			.param("genre", "POP")
			.param("webhookUrl", "http://127.0.0.1:" + (RECEIVER_PORT + 1) + "/hook")
			.with(PredictionJobApiTest.as(member)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/webhook-url-refused"))
			.andExpect(jsonPath("$.reason").value("loopback"));
	}

	private void awaitJob(String id, String path, String expected) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		String job;
		do {
			Thread.sleep(100);
			job = read(BASE + "/" + id);
		}
		while (!expected.equals(JsonPath.read(job, path)) && Instant.now().isBefore(deadline));
		assertThat(JsonPath.<String>read(job, path)).as(job).isEqualTo(expected);
	}

	private String read(String path) throws Exception {
		return mvc.perform(get(path).with(PredictionJobApiTest.as(member)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
