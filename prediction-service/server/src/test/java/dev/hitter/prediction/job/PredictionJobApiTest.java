package dev.hitter.prediction.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import io.micrometer.core.instrument.MeterRegistry;

import dev.hitter.prediction.PredictionTestContext;
import dev.hitter.prediction.TestTracks;
import dev.hitter.prediction.job.webhook.WebhookSignature;

/**
 * Batch jobs through the API on the real database with the fixture models: submission, progress, results as JSON
 * and CSV, the signed webhook with its retry, idempotent resubmission, and members kept apart. The jobs tests own a
 * schema, so that the job workers of other test contexts in this JVM never take their items.
 */
@SpringBootTest(properties = { "hitter.prediction.jobs.poll-interval=100ms",
		"hitter.prediction.jobs.webhook.allow-private-addresses=true", "hitter.prediction.jobs.webhook.first-retry=1s",
		"hitter.prediction.jobs.webhook.timeout=3s", "hitter.prediction.jobs.max-items-per-job=6" })
@PredictionTestContext(schema = "hitter_prediction_jobs", noUploadLeft = true)
@AutoConfigureMockMvc
class PredictionJobApiTest {

	static final String BASE = "/api/v1/prediction-jobs";

	static final String LYRICS = "사랑한다고 말하지 못했던 내 마음을 알아줘\nTonight we dance, baby tonight we dance\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JobStore store;

	@Autowired
	MeterRegistry metrics;

	final UUID member = UUID.randomUUID();

	@Test
	void scoresEveryTrackAndCallsTheSignedWebhookUntilItIsTaken() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver(500, 204)) {
			String accepted = submit(job(null, audio("first.wav", 40), audio("second.wav", 45),
					new MockMultipartFile("files", "broken.mp3", "audio/mpeg", "not audio at all".getBytes()),
					new MockMultipartFile("files", "first.txt", "text/plain", LYRICS.getBytes(StandardCharsets.UTF_8)))
				.param("genre", "pop")
				.param("webhookUrl", receiver.url())
				.with(as(member)))
				.andExpect(status().isAccepted())
				.andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern(BASE + "/[0-9a-f-]{36}")))
				.andExpect(jsonPath("$.total").value(3))
				.andExpect(jsonPath("$.state").value("RUNNING"))
				.andExpect(jsonPath("$.webhook.state").value("NONE"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			String id = JsonPath.read(accepted, "$.id");
			String secret = JsonPath.read(accepted, "$.webhookSecret");
			assertThat(secret).hasSizeGreaterThanOrEqualTo(40);

			String job = awaitCompleted(id, member);
			assertThat(JsonPath.<Integer>read(job, "$.progress.succeeded")).isEqualTo(2);
			assertThat(JsonPath.<Integer>read(job, "$.progress.failed")).isEqualTo(1);
			assertThat(JsonPath.<Number>read(job, "$.progress.done").doubleValue()).isEqualTo(1.0);
			assertThat(JsonPath.<String>read(job, "$.items[0].file")).isEqualTo("first.wav");
			assertThat(JsonPath.<String>read(job, "$.items[0].title")).isEqualTo("first");
			assertThat(JsonPath.<String>read(job, "$.items[0].state")).isEqualTo("SUCCEEDED");
			assertThat(JsonPath.<Number>read(job, "$.items[0].hitProbability").doubleValue()).isBetween(0.0, 1.0);
			assertThat(JsonPath.<String>read(job, "$.items[2].state")).isEqualTo("FAILED");
			assertThat(JsonPath.<String>read(job, "$.items[2].problem.type"))
				.isEqualTo("https://hitter.dev/problems/audio-not-supported");
			assertThat(job).doesNotContain(secret);

			// Each success is a prediction in the member's history, its lyrics read from first.txt.
			String prediction = read(JsonPath.<String>read(job, "$.items[0].prediction"), member);
			assertThat(JsonPath.<Integer>read(prediction, "$.lyrics.unknownTokens")).isNotNull();
			assertThat(JsonPath.<String>read(prediction, "$.genre")).isEqualTo("POP");
			assertThat(JsonPath.<Integer>read(read("/api/v1/predictions", member), "$.totalItems")).isEqualTo(2);

			// The first call got 500; the retry a second or so later was taken.
			String delivered = awaitWebhook(id, "DELIVERED");
			assertThat(JsonPath.<Integer>read(delivered, "$.webhook.attempts")).isEqualTo(2);
			assertThat(receiver.calls()).hasSize(2);
			WebhookReceiver.Call call = receiver.calls().get(1);
			assertThat(WebhookSignature.verify(secret, call.header("Hitter-Signature"), call.body(),
					Instant.now().getEpochSecond(), 300)).isTrue();
			assertThat(WebhookSignature.verify("another secret of enough length", call.header("Hitter-Signature"),
					call.body(), Instant.now().getEpochSecond(), 300)).isFalse();
			assertThat(call.header("Hitter-Delivery")).isEqualTo(id);
			String payload = new String(call.body(), StandardCharsets.UTF_8);
			assertThat(JsonPath.<String>read(payload, "$.event")).isEqualTo("prediction-job.completed");
			assertThat(JsonPath.<Integer>read(payload, "$.job.succeeded")).isEqualTo(2);
			assertThat(JsonPath.<Integer>read(payload, "$.job.failed")).isEqualTo(1);

			// Nothing of the tracks is left staged.
			assertThat(store.stagedChunks()).isZero();

			// What an operator scales by, and what this replica did.
			assertThat(metrics.get("hitter.jobs.items.finished").tag("outcome", "succeeded").counter().count())
				.isGreaterThanOrEqualTo(2);
			assertThat(metrics.get("hitter.jobs.items.finished").tag("outcome", "failed").counter().count())
				.isGreaterThanOrEqualTo(1);
			assertThat(metrics.get("hitter.jobs.items").tag("state", "queued").gauge().value())
				.isEqualTo(store.countItems(ItemState.QUEUED));
		}
	}

	@Test
	void givesTheResultsAsJsonAndAsCsvForSpreadsheets() throws Exception {
		String manifest = """
				[{"file": "a.wav", "genre": "BALLAD", "title": "=HYPERLINK(\\"x\\")", "artist": "김, 민수",
				  "lyrics": "그대와 함께 걸어요"},
				 {"file": "b.wav", "genre": "DANCE", "lyricsFile": "b-words.lrc"}]""";
		String id = JsonPath.read(submit(job(null, audio("a.wav", 40), audio("b.wav", 40),
				new MockMultipartFile("files", "b-words.lrc", "text/plain",
						"[00:12.00]Tonight we dance\n".getBytes(StandardCharsets.UTF_8)))
			.param("manifest", manifest)
			.with(as(member))).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
		awaitCompleted(id, member);

		String results = read(BASE + "/" + id + "/results", member);
		assertThat(JsonPath.<List<String>>read(results, "$.items[*].genre")).containsExactly("BALLAD", "DANCE");
		assertThat(JsonPath.<List<String>>read(results, "$.items[*].state")).containsExactly("SUCCEEDED", "SUCCEEDED");
		assertThat(JsonPath.<String>read(results, "$.items[1].title")).isEqualTo("b");
		// The fixture models are demonstration models: every result says so, in the job too.
		assertThat(JsonPath.<List<Boolean>>read(results, "$.items[*].demonstration")).containsExactly(true, true);
		assertThat(JsonPath.<List<Boolean>>read(read(BASE + "/" + id, member), "$.items[*].demonstration"))
			.containsExactly(true, true);

		byte[] csv = mvc.perform(get(BASE + "/" + id + "/results.csv").with(as(member)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).isEqualTo("\uFEFF" + JobResultsCsv.HEADER);
		// A title that a spreadsheet would run as a formula is defused; a comma in a cell is quoted.
		assertThat(lines.get(1)).startsWith("0,a.wav,\"'=HYPERLINK(\"\"x\"\")\",\"김, 민수\",BALLAD,SUCCEEDED,0.");
		assertThat(lines.get(2)).startsWith("1,b.wav,b,,DANCE,SUCCEEDED,0.");
		assertThat(lines.get(0)).endsWith(",problem_type,problem_detail,demonstration,logit,logit_bias,logit_audio,"
				+ "logit_words,logit_unknown_words,logit_residual");
		assertThat(lines.subList(1, 3)).allSatisfy(line -> assertThat(line).contains(",,,true,"));
		// The logit columns are the analysis's own logit, and its parts add up to it, as on the result page.
		String[] last = lines.get(2).split(",");
		double[] logit = new double[6];
		for (int i = 0; i < 6; i++) {
			logit[i] = Double.parseDouble(last[last.length - 6 + i]);
		}
		String predictionId = JsonPath.read(results, "$.items[1].predictionId");
		double answered = JsonPath.<Number>read(read("/api/v1/predictions/" + predictionId, member), "$.logit.value")
			.doubleValue();
		assertThat(logit[0]).isCloseTo(answered, within(1e-6));
		assertThat(logit[1] + logit[2] + logit[3] + logit[4] + logit[5]).isCloseTo(logit[0], within(1e-4));
	}

	@Test
	void aRetriedSubmissionWithItsIdempotencyKeyMakesNoSecondJob() throws Exception {
		String key = "catalogue-2026-11-" + UUID.randomUUID();
		String first = submit(job(key, audio("one.wav", 40)).param("genre", "POP").with(as(member)))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String again = submit(job(key, audio("one.wav", 40)).param("genre", "POP").with(as(member)))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(again, "$.id")).isEqualTo(JsonPath.<String>read(first, "$.id"));
		assertThat(JsonPath.<Integer>read(read(BASE, member), "$.totalItems")).isEqualTo(1);

		submit(job(key, audio("another.wav", 40)).param("genre", "POP").with(as(member)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/idempotency-key-reused"));
		// The key is the member's own: another member using it makes their own job.
		UUID other = UUID.randomUUID();
		String theirs = submit(job(key, audio("one.wav", 40)).param("genre", "POP").with(as(other)))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(theirs, "$.id")).isNotEqualTo(JsonPath.<String>read(first, "$.id"));
		awaitCompleted(JsonPath.read(first, "$.id"), member);
		awaitCompleted(JsonPath.read(theirs, "$.id"), other);
	}

	@Test
	void anotherMembersJobIsNotFound() throws Exception {
		String id = JsonPath.read(submit(job(null, audio("mine.wav", 40)).param("genre", "POP").with(as(member)))
			.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
		UUID stranger = UUID.randomUUID();
		for (String path : List.of(BASE + "/" + id, BASE + "/" + id + "/results", BASE + "/" + id + "/results.csv")) {
			mvc.perform(get(path).with(as(stranger)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/not-found"));
		}
		mvc.perform(delete(BASE + "/" + id).with(as(stranger))).andExpect(status().isNotFound());
		assertThat(JsonPath.<Integer>read(read(BASE, stranger), "$.totalItems")).isZero();
		awaitCompleted(id, member);
		mvc.perform(delete(BASE + "/" + id).with(as(member))).andExpect(status().isNoContent());
		mvc.perform(get(BASE + "/" + id).with(as(member))).andExpect(status().isNotFound());
		// The predictions the job made stay in the member's history.
		assertThat(JsonPath.<Integer>read(read("/api/v1/predictions", member), "$.totalItems")).isEqualTo(1);
	}

	@Test
	void refusesBadSubmissionsNamingTheField() throws Exception {
		submit(job(null).param("genre", "POP").with(as(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("files"));
		submit(job(null, audio("x.wav", 1)).param("genre", "JAZZ").with(as(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("genre"));
		MockMultipartFile[] seven = new MockMultipartFile[7];
		for (int i = 0; i < seven.length; i++) {
			seven[i] = new MockMultipartFile("files", "t" + i + ".wav", "audio/wav", new byte[] { 1 });
		}
		submit(job(null, seven).param("genre", "POP").with(as(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("files"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at most 6")));
		submit(job(null, audio("x.wav", 1), audio("y.wav", 1))
			.param("manifest", "[{\"file\": \"x.wav\", \"genre\": \"POP\"}, {\"file\": \"z.wav\", \"genre\": \"POP\"}]")
			.with(as(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("manifest[1].file"))
			.andExpect(jsonPath("$.errors[1].field").value("files"));
		submit(job(null, audio("x.wav", 1)).param("manifest", "{not json").with(as(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("manifest"));
		submit(job(null, audio("x.wav", 1)).param("genre", "POP")
			.param("webhookUrl", "ftp://example.com/hook")
			.with(as(member)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/webhook-url-refused"))
			.andExpect(jsonPath("$.errors[0].field").value("webhookUrl"));
		mvc.perform(multipart(BASE).file(audio("x.wav", 1)).param("genre", "POP")
			.header("Idempotency-Key", "has spaces")
			.with(as(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
		mvc.perform(multipart(BASE).file(audio("x.wav", 1)).param("genre", "POP"))
			.andExpect(status().isUnauthorized());
		assertThat(JsonPath.<Integer>read(read(BASE, member), "$.totalItems")).isZero();
	}

	@Test
	void theApiDocumentDescribesTheSubmissionFormWithoutTheTokensMember() throws Exception {
		String document = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(document,
				"$.paths['/api/v1/prediction-jobs'].post.requestBody.content['multipart/form-data'].schema['$ref']"))
			.endsWith("/PredictionJobForm");
		assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.PredictionJobForm.properties"))
			.containsKeys("files", "genre", "manifest", "webhookUrl", "webhookSecret");
		assertThat(JsonPath.<List<Object>>read(document, "$.paths..parameters[?(@.name == 'member')]")).isEmpty();
	}

	private static MockMultipartHttpServletRequestBuilder job(String key, MockMultipartFile... files) {
		MockMultipartHttpServletRequestBuilder request = multipart(BASE);
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return request;
	}

	private ResultActions submit(MockMultipartHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request);
	}

	static MockMultipartFile audio(String name, double seconds) {
		return new MockMultipartFile("files", name, "audio/wav", TestTracks.wav(seconds, 16_000, 1));
	}

	private String awaitCompleted(String id, UUID who) throws Exception {
		return awaitJob(id, who, "$.state", "COMPLETED");
	}

	private String awaitWebhook(String id, String state) throws Exception {
		return awaitJob(id, member, "$.webhook.state", state);
	}

	private String awaitJob(String id, UUID who, String path, String expected) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		String job;
		do {
			Thread.sleep(100);
			job = read(BASE + "/" + id, who);
		}
		while (!expected.equals(JsonPath.read(job, path)) && Instant.now().isBefore(deadline));
		assertThat(JsonPath.<String>read(job, path)).as(job).isEqualTo(expected);
		return job;
	}

	private String read(String path, UUID who) throws Exception {
		return mvc.perform(get(path).with(as(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	static RequestPostProcessor as(UUID id) {
		return jwt().jwt(token -> token.subject(id.toString()).claim("email_verified", true).claim("roles", List.of("MEMBER")));
	}
}
