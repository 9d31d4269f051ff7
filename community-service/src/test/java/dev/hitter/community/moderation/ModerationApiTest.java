package dev.hitter.community.moderation;

import static dev.hitter.community.TestMembers.admin;
import static dev.hitter.community.TestMembers.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.community.CommunityApiTestBase;

/** Reports by members, the administrators' queue, and decisions that take content out of lists and threads. */
class ModerationApiTest extends CommunityApiTestBase {

	private final UUID author = UUID.randomUUID();

	private final UUID reporter = UUID.randomUUID();

	private final UUID administrator = UUID.randomUUID();

	@Test
	void aReportedPostReachesTheQueueAndARemovalTakesItOutOfTheBoard() throws Exception {
		UUID post = write(author, "작가", "광고 글", "싸게 팝니다", "FREE_TALK");
		report("POST", post, "스팸입니다").andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("OPEN"))
			.andExpect(jsonPath("$.targetPreview").value("광고 글"));
		String queue = mvc.perform(get("/api/v1/community/reports").param("state", "OPEN").param("size", "100")
			.with(admin(administrator, "관리자"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(queue, "$.items[?(@.targetId == '" + post + "')].reporterName"))
			.containsExactly("신고자");

		decide("POST", post, "REMOVE").andExpect(status().isNoContent());
		mvc.perform(get(POSTS + "/" + post).with(member(author, "작가"))).andExpect(status().isNotFound());
		String board = mvc.perform(get(POSTS).param("author", "me").with(member(author, "작가")))
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(board, "$.items[*].id")).doesNotContain(post.toString());
		mvc.perform(get(POSTS + "/" + post).with(admin(administrator, "관리자"))).andExpect(status().isOk());
		// Removal is final: a restore does not bring it back, and its author can no longer change it.
		decide("POST", post, "RESTORE").andExpect(status().isNoContent());
		mvc.perform(get(POSTS + "/" + post).with(member(author, "작가"))).andExpect(status().isNotFound());
		String resolved = mvc.perform(get("/api/v1/community/reports").param("state", "RESOLVED").param("size", "100")
			.with(admin(administrator, "관리자"))).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(resolved, "$.items[?(@.targetId == '" + post + "')].action"))
			.containsExactly("REMOVE");
	}

	@Test
	void aHiddenCommentLeavesTheThreadAndTheCount() throws Exception {
		UUID post = write(author, "작가", "댓글 신고", "본문", "QA");
		String comment = mvc.perform(post(POSTS + "/" + post + "/comments").with(member(reporter, "신고자"))
			.contentType(MediaType.APPLICATION_JSON).content(json("body", "나쁜 댓글")))
			.andReturn().getResponse().getContentAsString();
		UUID id = UUID.fromString(JsonPath.read(comment, "$.id"));
		report("COMMENT", id, "욕설").andExpect(status().isCreated()).andExpect(jsonPath("$.postId").value(post.toString()));
		decide("COMMENT", id, "HIDE").andExpect(status().isNoContent());
		mvc.perform(get(POSTS + "/" + post + "/comments").with(member(author, "작가")))
			.andExpect(jsonPath("$.items.length()").value(0));
		mvc.perform(get(POSTS + "/" + post).with(member(author, "작가"))).andExpect(jsonPath("$.comments").value(0));
		decide("COMMENT", id, "RESTORE").andExpect(status().isNoContent());
		mvc.perform(get(POSTS + "/" + post).with(member(author, "작가"))).andExpect(jsonPath("$.comments").value(1));
	}

	@Test
	void leaderboardEntriesAreReportedHereAndModeratedInPredictionService() throws Exception {
		UUID entry = UUID.randomUUID();
		report("LEADERBOARD_ENTRY", entry, "남의 곡").andExpect(status().isCreated())
			.andExpect(jsonPath("$.targetPreview").doesNotExist());
		decide("LEADERBOARD_ENTRY", entry, "DISMISS").andExpect(status().isNoContent());
	}

	@Test
	void onlyAdministratorsSeeTheQueueOrDecide() throws Exception {
		UUID post = write(author, "작가", "평범한 글", "본문", "QA");
		mvc.perform(get("/api/v1/community/reports").with(member(reporter, "신고자")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/forbidden"));
		mvc.perform(put("/api/v1/community/moderation/POST/" + post).with(member(author, "작가"))
			.contentType(MediaType.APPLICATION_JSON).content(json("action", "HIDE"))).andExpect(status().isForbidden());
		mvc.perform(get(POSTS + "/" + post).with(member(reporter, "신고자"))).andExpect(status().isOk());
	}

	@Test
	void refusesBadReportsAndDecisions() throws Exception {
		report("USER", UUID.randomUUID(), "x").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("targetType"));
		report("POST", UUID.randomUUID(), "x").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("targetId"));
		UUID post = write(author, "작가", "신고 사유", "본문", "QA");
		report("POST", post, " ").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		report("POST", post, "x".repeat(1001)).andExpect(status().isBadRequest());
		decide("POST", post, "BURN").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("action"));
		decide("USER", post, "HIDE").andExpect(status().isBadRequest());
		decide("POST", UUID.randomUUID(), "HIDE").andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/community/reports").param("state", "LOST").with(admin(administrator, "관리자")))
			.andExpect(status().isBadRequest());
	}

	private org.springframework.test.web.servlet.ResultActions report(String type, UUID target, String reason)
			throws Exception {
		return mvc.perform(post("/api/v1/community/reports").with(member(reporter, "신고자"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("targetType", type, "targetId", target.toString(), "reason", reason)));
	}

	private org.springframework.test.web.servlet.ResultActions decide(String type, UUID target, String action)
			throws Exception {
		return mvc.perform(put("/api/v1/community/moderation/" + type + "/" + target).with(admin(administrator, "관리자"))
			.contentType(MediaType.APPLICATION_JSON).content(json("action", action, "note", "검토함")));
	}
}
