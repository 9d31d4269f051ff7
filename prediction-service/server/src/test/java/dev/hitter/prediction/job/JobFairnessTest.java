package dev.hitter.prediction.job;

import static dev.hitter.prediction.job.PredictionJobApiTest.as;
import static dev.hitter.prediction.job.PredictionJobApiTest.audio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.prediction.PredictionTestContext;

/**
 * One member cannot have the batch service to themselves: claims rotate across members, and a member's limits on
 * waiting items and staged bytes hold even when their submissions race. The worker is stopped, so the test itself
 * claims (as a replica would) and items stay waiting while the limits are tested.
 */
@SpringBootTest(properties = { "hitter.prediction.jobs.max-unfinished-items-per-member=4",
		"hitter.prediction.jobs.max-staged-bytes-per-member=3MB", "hitter.prediction.max-upload-size=2MB" })
@PredictionTestContext(schema = "hitter_prediction_job_fairness")
@AutoConfigureMockMvc
class JobFairnessTest {

	static final String BASE = PredictionJobApiTest.BASE;

	@Autowired
	MockMvc mvc;

	@Autowired
	JobWorker worker;

	@Autowired
	JobStore store;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	final UUID first = UUID.randomUUID();

	final UUID second = UUID.randomUUID();

	@BeforeEach
	void nothingIsScoredAndNothingWaits() throws Exception {
		worker.stop();
		jdbc.update("DELETE FROM prediction_job");
	}

	@AfterEach
	void scoringResumes() {
		jdbc.update("DELETE FROM prediction_job");
		worker.start();
	}

	@Test
	void claimsRotateAcrossMembersInsteadOfDrainingTheOldestJobFirst() throws Exception {
		submit(first, 4);
		submit(second, 4);
		List<UUID> claimedFor = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			// Two replicas taking turns, as they would across the database.
			String owner = "replica-" + (i % 2);
			claimedFor.add(transaction.execute(status -> store.claimNext(owner, Duration.ofMinutes(5)))
				.orElseThrow()
				.memberId());
		}
		// The first member's job came first, but the second member's items do not wait for all of it.
		assertThat(claimedFor).containsExactly(first, second, first, second);
	}

	@Test
	void racingSubmissionsTogetherPassTheWaitingLimitNoFurther() throws Exception {
		int racers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				MockMultipartHttpServletRequestBuilder request = multipart(BASE).file(audio("race-" + i + ".wav", 10));
				request.param("genre", "POP").with(as(first));
				answers.add(pool.submit(() -> {
					start.await();
					return mvc.perform(request).andReturn().getResponse().getStatus();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).as("answers to %d one-item submissions against a limit of 4", racers)
				.containsOnly(202, 429)
				.filteredOn(s -> s == 202)
				.hasSize(4);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prediction_job_item WHERE member_id = ?", Long.class,
				first.toString())).isEqualTo(4);
	}

	@Test
	void refusesASubmissionPastTheMembersStagedBytes() throws Exception {
		// 40 s of 16 kHz mono is 1.28 MB: two fit under 3 MB, a third does not, though items are left.
		for (String name : new String[] { "a.wav", "b.wav" }) {
			mvc.perform(multipart(BASE).file(audio(name, 40)).param("genre", "POP").with(as(first)))
				.andExpect(status().isAccepted());
		}
		mvc.perform(multipart(BASE).file(audio("c.wav", 40)).param("genre", "POP").with(as(first)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/job-limit-reached"));
		// Bytes are counted per member.
		mvc.perform(multipart(BASE).file(audio("c.wav", 40)).param("genre", "POP").with(as(second)))
			.andExpect(status().isAccepted());
	}

	private void submit(UUID member, int tracks) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart(BASE);
		for (int i = 0; i < tracks; i++) {
			request.file(audio("track-" + i + ".wav", 1));
		}
		mvc.perform(request.param("genre", "POP").with(as(member))).andExpect(status().isAccepted());
	}
}
