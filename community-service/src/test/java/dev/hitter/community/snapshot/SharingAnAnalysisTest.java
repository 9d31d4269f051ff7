package dev.hitter.community.snapshot;

import static dev.hitter.community.TestMembers.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import dev.hitter.community.CommunityApiTestBase;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Sharing an analysis into a post, with a real HTTP server standing in for prediction-service: the snapshot is
 * fetched with the member's own token and stored with the post; only the owner may share; and with prediction-service
 * stopped, sharing fails within a second with 503 and writes nothing, while reading, listing and searching — posts
 * with snapshots included — go on; once it is back, sharing works again without a restart.
 */
class SharingAnAnalysisTest extends CommunityApiTestBase {

	private final UUID owner = UUID.randomUUID();

	private final String tag = "s" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	AnalysisSnapshots snapshots;

	@AfterEach
	void predictionServiceIsBack() {
		PREDICTIONS.start();
	}

	@Test
	void embedsASnapshotOfTheAuthorsOwnAnalysisFetchedWithTheirToken() throws Exception {
		UUID analysis = PREDICTIONS.analysisOf(owner);
		String answer = share(analysis, true).andExpect(status().isCreated())
			.andExpect(jsonPath("$.hasAnalysis").value(true))
			.andExpect(jsonPath("$.analysis.predictionId").value(analysis.toString()))
			.andExpect(jsonPath("$.analysis.title").value("첫사랑 (Demo)"))
			.andExpect(jsonPath("$.analysis.genre").value("BALLAD"))
			.andExpect(jsonPath("$.analysis.hitProbability").value(0.7312))
			.andExpect(jsonPath("$.analysis.audioProbability").value(0.69))
			.andExpect(jsonPath("$.analysis.lyricsProbability").value(0.77))
			.andExpect(jsonPath("$.analysis.topSegments", hasSize(3)))
			.andExpect(jsonPath("$.analysis.topSegments[0].fromSeconds").value(12.0))
			.andExpect(jsonPath("$.analysis.demonstration").value(true))
			.andExpect(jsonPath("$.analysis.modelNotice").value("Demonstration model trained on synthetic data."))
			.andExpect(jsonPath("$.analysis.modelSetVersion").value("ballad-audio@2026.11.1/ballad-lyrics@2026.11.1"))
			.andExpect(jsonPath("$.analysis.link").value("/analyses/" + analysis))
			.andExpect(jsonPath("$.analysis.takenAt").isNotEmpty())
			.andReturn().getResponse().getContentAsString();
		assertThat(PREDICTIONS.authorizations()).contains("Bearer " + dev.hitter.community.TestMembers.tokenFor(owner));
		assertThat(answer).doesNotContain("\"audio\":").doesNotContain("lyrics\":{");
	}

	@Test
	void refusesAnotherMembersAnalysisAndAnUnknownOneAs404OnPredictionId() throws Exception {
		UUID someoneElses = PREDICTIONS.analysisOf(UUID.randomUUID());
		long before = posts();
		share(someoneElses, true).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/not-found"))
			.andExpect(jsonPath("$.errors[0].field").value("predictionId"));
		share(UUID.randomUUID(), true).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("predictionId"));
		assertThat(posts()).isEqualTo(before);
		assertThat(snapshots.circuitState()).as("a refusal is an answer, not a failure").isNotEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void wantsTheAuthorToConfirmSharingTheFigures() throws Exception {
		UUID analysis = PREDICTIONS.analysisOf(owner);
		int calls = PREDICTIONS.authorizations().size();
		share(analysis, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("confirmShareFigures"));
		share(analysis, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("confirmShareFigures"));
		assertThat(PREDICTIONS.authorizations()).as("not even asked").hasSize(calls);
	}

	@Test
	void withPredictionServiceDownSharingFailsFastAndCleanlyWhileTheBoardGoesOnAndThenRecovers() throws Exception {
		UUID analysis = PREDICTIONS.analysisOf(owner);
		String sharedId = com.jayway.jsonpath.JsonPath.read(share(analysis, true).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id");

		PREDICTIONS.stop();
		long before = posts();
		for (int attempt = 0; attempt < 8; attempt++) {
			long started = System.nanoTime();
			MvcResult refused = share(analysis, true).andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/dependency-unavailable"))
				.andExpect(header().exists("Retry-After"))
				.andReturn();
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			assertThat(millis).as("attempt %d answered within a second", attempt).isLessThan(1000);
			assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		}
		assertThat(posts()).as("nothing half-written").isEqualTo(before);
		assertThat(snapshots.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

		// The board goes on: reading (the snapshot included), listing and searching need no prediction-service.
		mvc.perform(get(POSTS + "/" + sharedId).with(member(UUID.randomUUID(), "독자")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.analysis.hitProbability").value(0.7312));
		mvc.perform(get(POSTS).with(member(UUID.randomUUID(), "독자"))).andExpect(status().isOk());
		mvc.perform(get(POSTS + "/search").param("q", "피드백 " + tag).with(member(UUID.randomUUID(), "독자")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(sharedId))
			.andExpect(jsonPath("$.items[0].hasAnalysis").value(true));
		// Writing without an analysis needs no neighbour either.
		write(owner, "민지", "그냥 글", "분석 없이", "FREE_TALK");

		PREDICTIONS.start();
		// The open circuit lets trial calls through after its wait (1 s in this test): no restart.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		int status;
		do {
			Thread.sleep(200);
			status = share(analysis, true).andReturn().getResponse().getStatus();
		}
		while (status != 201 && System.nanoTime() < deadline);
		assertThat(status).isEqualTo(201);
		assertThat(snapshots.circuitState()).isIn(CircuitBreaker.State.CLOSED, CircuitBreaker.State.HALF_OPEN);
	}

	@Test
	void theSnapshotStaysWhenTheAnalysisIsGone() throws Exception {
		UUID analysis = PREDICTIONS.analysisOf(owner);
		String id = com.jayway.jsonpath.JsonPath.read(share(analysis, true).andReturn().getResponse()
			.getContentAsString(), "$.id");
		PREDICTIONS.stop();
		mvc.perform(get(POSTS + "/" + id).with(member(owner, "민지")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.analysis.title").value("첫사랑 (Demo)"));
	}

	private org.springframework.test.web.servlet.ResultActions share(UUID analysis, Boolean confirm) throws Exception {
		return mvc.perform(post(POSTS).with(member(owner, "민지"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("title", "제 발라드 피드백 부탁해요 " + tag, "body", "어떤가요?", "category", "FEEDBACK",
					"predictionId", analysis.toString(), "confirmShareFigures", confirm)));
	}

	private long posts() {
		return jdbc.sql("select count(*) from posts").query(Long.class).single();
	}
}
