package dev.hitter.prediction.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.prediction.MultipartBodies;
import dev.hitter.prediction.PartnerApiTestBase;
import dev.hitter.prediction.TestTracks;

/**
 * A partner client's token reaches what prediction-service's client-scope rules grant its scopes, and nothing else:
 * 403 insufficient-scope (with RFC 6750's WWW-Authenticate) on publishing, likes, references, sharing, moderation,
 * the leaderboard and the usage page, and wherever it lacks the rule's scope.
 */
class ClientScopesApiTest extends PartnerApiTestBase {

	static final String PREDICTIONS = "/api/v1/predictions";

	static final String JOBS = "/api/v1/prediction-jobs";

	final UUID owner = UUID.randomUUID();

	final String clientId = "hc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);

	@Test
	void aReadingClientReadsAnalysesAndJobsAndNothingMore() throws Exception {
		String analysis = analyse(member(owner));
		String job = submitJob(member(owner));
		RequestPostProcessor reader = client(owner, clientId, "predictions:read");

		for (String path : List.of(PREDICTIONS, PREDICTIONS + "/" + analysis, PREDICTIONS + "/export.csv",
				PREDICTIONS + "/" + analysis + "/spectrogram.png", JOBS, JOBS + "/" + job, JOBS + "/" + job + "/results",
				JOBS + "/" + job + "/results.csv")) {
			mvc.perform(get(path).with(reader)).andExpect(status().isOk());
		}
		// Let through, and answered as for the member: this job has no webhook.
		mvc.perform(get(JOBS + "/" + job + "/webhook-deliveries").with(reader)).andExpect(status().isNotFound());

		String id = PREDICTIONS + "/" + analysis;
		for (AbstractMockHttpServletRequestBuilder<?> refused : List.<AbstractMockHttpServletRequestBuilder<?>>of(
				// Its scope does not reach these.
				multipart(PREDICTIONS).file(audio()).param("genre", "POP"), delete(id),
				multipart(JOBS).file(jobAudio()).param("genre", "POP"), delete(JOBS + "/" + job),
				post(JOBS + "/" + job + "/webhook-deliveries"),
				// No scope reaches these: they are the member's own.
				put(id + "/like"), delete(id + "/like"), put(id + "/reference"), delete(id + "/reference"),
				patch(id).contentType(MediaType.APPLICATION_JSON).content("{\"shared\": true}"),
				multipart(HttpMethod.PUT, id + "/publication").file(audio()), delete(id + "/publication"),
				post(id + "/audio-ticket"), get(id + "/lyrics"),
				put(id + "/moderation").contentType(MediaType.APPLICATION_JSON).content("{\"action\": \"HIDE\"}"),
				delete(id + "/moderation"), get(PREDICTIONS + "/leaderboard").param("genre", "POP"),
				get(ClientUsageController.PATH))) {
			mvc.perform(refused.with(reader))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/insufficient-scope"))
				.andExpect(header().string("WWW-Authenticate", Matchers.containsString("insufficient_scope")));
		}
		// Nothing of the member's changed: the analysis and the job are still there, unshared.
		mvc.perform(get(id).with(member(owner))).andExpect(status().isOk()).andExpect(jsonPath("$.shared").value(false));
		mvc.perform(get(JOBS + "/" + job).with(member(owner))).andExpect(status().isOk());
	}

	@Test
	void aWritingClientAnalysesAndDeletesButDoesNotRead() throws Exception {
		RequestPostProcessor writer = client(owner, clientId, "predictions:write");

		String analysis = analyse(writer);

		mvc.perform(get(PREDICTIONS).with(writer))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/insufficient-scope"));
		mvc.perform(get(PREDICTIONS + "/" + analysis).with(writer)).andExpect(status().isForbidden());
		mvc.perform(multipart(JOBS).file(jobAudio()).param("genre", "POP").with(writer))
			.andExpect(status().isForbidden());
		mvc.perform(delete(PREDICTIONS + "/" + analysis).with(writer)).andExpect(status().isNoContent());
		mvc.perform(get(PREDICTIONS + "/" + analysis).with(member(owner))).andExpect(status().isNotFound());
	}

	@Test
	void aJobsClientSubmitsDeletesAndAsksForRedelivery() throws Exception {
		RequestPostProcessor batch = client(owner, clientId, "jobs:write");

		String job = submitJob(batch);

		mvc.perform(get(JOBS + "/" + job).with(batch)).andExpect(status().isForbidden());
		mvc.perform(multipart(PREDICTIONS).file(audio()).param("genre", "POP").with(batch))
			.andExpect(status().isForbidden());
		// Past the scope check; refused by the job itself (no webhook).
		mvc.perform(post(JOBS + "/" + job + "/webhook-deliveries").with(batch)).andExpect(status().isNotFound());
		mvc.perform(delete(JOBS + "/" + job).with(batch)).andExpect(status().isNoContent());
		mvc.perform(get(JOBS + "/" + job).with(member(owner))).andExpect(status().isNotFound());
	}

	@Test
	void aClientWithEveryScopeStillCannotPublishLikeOrSeeUsage() throws Exception {
		RequestPostProcessor all = client(owner, clientId, "predictions:read", "predictions:write", "jobs:write");
		String analysis = analyse(all);

		mvc.perform(get(PREDICTIONS + "/" + analysis).with(all)).andExpect(status().isOk());
		mvc.perform(put(PREDICTIONS + "/" + analysis + "/like").with(all)).andExpect(status().isForbidden());
		mvc.perform(multipart(HttpMethod.PUT, PREDICTIONS + "/" + analysis + "/publication").file(audio()).with(all))
			.andExpect(status().isForbidden());
		mvc.perform(get(ClientUsageController.PATH).with(all)).andExpect(status().isForbidden());
		// The member's own token is not limited by scopes.
		mvc.perform(put(PREDICTIONS + "/" + analysis + "/like").with(member(owner)))
			.andExpect(status().is2xxSuccessful());
		mvc.perform(get(ClientUsageController.PATH).with(member(owner))).andExpect(status().isOk());
	}

	@Test
	void theApiDocumentDescribesThePartnerOperationsWithSecurityAndProblems() throws Exception {
		String document = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String log = "$.paths['/api/v1/prediction-jobs/{id}/webhook-deliveries']";
		String usage = "$.paths['/api/v1/predictions/client-usage'].get";
		for (String operation : List.of(log + ".get", log + ".post", usage)) {
			assertThat(JsonPath.<String>read(document, operation + ".summary")).isNotBlank();
			assertThat(JsonPath.<List<Object>>read(document, operation + ".tags")).isNotEmpty();
			assertThat(JsonPath.<List<Object>>read(document, operation + ".security")).isNotEmpty();
			assertThat(JsonPath.<java.util.Map<String, Object>>read(document, operation + ".responses"))
				.containsKeys("401", "403");
		}
		assertThat(JsonPath.<java.util.Map<String, Object>>read(document, log + ".post.responses"))
			.containsKeys("202", "404", "409");
		assertThat(JsonPath.<String>read(document,
				log + ".post.responses['202'].content['application/json'].schema['$ref']"))
			.endsWith("/WebhookDeliveries");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(document, usage + ".responses")).containsKey("400");
		assertThat(JsonPath.<String>read(document,
				usage + ".responses['200'].content['application/json'].schema['$ref']"))
			.endsWith("/ClientUsageReport");
	}

	private String analyse(RequestPostProcessor token) throws Exception {
		MockMultipartHttpServletRequestBuilder form = multipart(PREDICTIONS).file(audio());
		form.param("genre", "POP");
		return JsonPath.read(mvc.perform(form.with(request -> token
			.postProcessRequest(MultipartBodies.encoded().postProcessRequest(request))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	/** Submits a one-track job and waits for it to end, so that no worker holds its upload when a test ends. */
	private String submitJob(RequestPostProcessor token) throws Exception {
		String id = JsonPath.read(mvc.perform(multipart(JOBS).file(jobAudio()).param("genre", "POP").with(token))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		String state;
		do {
			Thread.sleep(100);
			state = JsonPath.read(mvc.perform(get(JOBS + "/" + id).with(member(owner))).andReturn().getResponse()
				.getContentAsString(), "$.state");
		}
		while (!"COMPLETED".equals(state) && Instant.now().isBefore(deadline));
		assertThat(state).isEqualTo("COMPLETED");
		return id;
	}

	private static MockMultipartFile audio() {
		return new MockMultipartFile("audio", "track.wav", "audio/wav", TestTracks.wav(40, 16_000, 1));
	}

	private static MockMultipartFile jobAudio() {
		return new MockMultipartFile("files", "track.wav", "audio/wav", TestTracks.wav(40, 16_000, 1));
	}
}
