package dev.hitter.prediction.job;

import static dev.hitter.prediction.job.PredictionJobApiTest.as;
import static dev.hitter.prediction.job.PredictionJobApiTest.audio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.prediction.PredictionTestContext;

/**
 * What a job may not do under the default settings: webhook addresses inside the service's own network, more
 * waiting items than a member's limit. The worker is stopped so that items stay waiting while the limits are
 * tested, and a job deleted while waiting takes its staged audio with it.
 */
@SpringBootTest(properties = { "hitter.prediction.jobs.max-unfinished-items-per-member=3",
		"hitter.prediction.max-upload-size=2MB" })
@PredictionTestContext(schema = "hitter_prediction_job_limits")
@AutoConfigureMockMvc
class PredictionJobLimitsTest {

	static final String BASE = PredictionJobApiTest.BASE;

	@Autowired
	MockMvc mvc;

	@Autowired
	JobWorker worker;

	@Autowired
	JobStore store;

	final UUID member = UUID.randomUUID();

	@BeforeEach
	void nothingIsScored() throws Exception {
		worker.stop();
	}

	@AfterEach
	void scoringResumes() {
		worker.start();
	}

	@Test
	void refusesWebhooksIntoTheServicesOwnNetwork() throws Exception {
		for (String url : new String[] { "http://127.0.0.1:8080/hook", "http://localhost/hook",
				"http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hook", "http://[::1]/hook" }) {
			mvc.perform(multipart(BASE).file(audio("x.wav", 40)).param("genre", "POP").param("webhookUrl", url)
				.with(as(member)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/webhook-url-refused"))
				.andExpect(jsonPath("$.errors[0].field").value("webhookUrl"))
				.andExpect(jsonPath("$.reason").isString());
		}
		assertThat(JsonPath.<Integer>read(list(member), "$.totalItems")).isZero();
	}

	@Test
	void refusesItemsPastTheMembersLimit() throws Exception {
		mvc.perform(multipart(BASE).file(audio("a.wav", 40)).file(audio("b.wav", 40)).param("genre", "POP")
			.with(as(member))).andExpect(status().isAccepted());
		mvc.perform(multipart(BASE).file(audio("c.wav", 40)).file(audio("d.wav", 40)).param("genre", "POP")
			.with(as(member)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/job-limit-reached"));
		// The limit is per member: someone else's items do not count.
		UUID other = UUID.randomUUID();
		mvc.perform(multipart(BASE).file(audio("c.wav", 40)).file(audio("d.wav", 40)).param("genre", "POP")
			.with(as(other))).andExpect(status().isAccepted());
		assertThat(JsonPath.<Integer>read(list(member), "$.totalItems")).isEqualTo(1);
	}

	@Test
	void refusesATrackOverTheUploadLimitNamingIt() throws Exception {
		// 40 s of 16 kHz mono is 1.3 MB; 80 s is 2.6 MB, over the 2 MB limit.
		mvc.perform(multipart(BASE).file(audio("fits.wav", 40)).file(audio("too-long.wav", 80)).param("genre", "POP")
			.with(as(member)))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/payload-too-large"))
			.andExpect(jsonPath("$.errors[0].field").value("files[1]"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("too-long.wav")));
		assertThat(JsonPath.<Integer>read(list(member), "$.totalItems")).isZero();
	}

	@Test
	void deletingAWaitingJobDropsItsStagedAudio() throws Exception {
		long before = store.stagedChunks();
		String id = JsonPath.read(mvc.perform(multipart(BASE).file(audio("a.wav", 40)).param("genre", "POP")
			.with(as(member))).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
		assertThat(store.stagedChunks()).isGreaterThan(before);
		mvc.perform(delete(BASE + "/" + id).with(as(member))).andExpect(status().isNoContent());
		assertThat(store.stagedChunks()).isEqualTo(before);
		mvc.perform(get(BASE + "/" + id).with(as(member))).andExpect(status().isNotFound());
	}

	private String list(UUID who) throws Exception {
		return mvc.perform(get(BASE).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}
}
