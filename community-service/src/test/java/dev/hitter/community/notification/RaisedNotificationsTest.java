package dev.hitter.community.notification;

import static dev.hitter.community.TestMembers.admin;
import static dev.hitter.community.TestMembers.member;
import static dev.hitter.community.TestMembers.service;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import dev.hitter.community.CommunityApiTestBase;

/** prediction-service's "someone liked your analysis", delivered by its outbox to the internal endpoint. */
class RaisedNotificationsTest extends CommunityApiTestBase {

	private static final String RAISE = "/internal/v1/notifications";

	private final UUID owner = UUID.randomUUID();

	private final UUID liker = UUID.randomUUID();

	private final UUID analysis = UUID.randomUUID();

	@Test
	void anAnalysisLikeReachesItsOwnerOnceHoweverOftenItIsDelivered() throws Exception {
		String message = like(UUID.randomUUID());
		for (int delivery = 0; delivery < 3; delivery++) {
			mvc.perform(post(RAISE).with(service("prediction-service")).contentType(MediaType.APPLICATION_JSON)
				.content(message)).andExpect(status().isNoContent());
		}
		mvc.perform(get("/api/v1/community/notifications").with(member(owner, "주인")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].kind").value("ANALYSIS_LIKE"))
			.andExpect(jsonPath("$.items[0].actorName").value("좋아요 누른 사람"))
			.andExpect(jsonPath("$.items[0].predictionId").value(analysis.toString()))
			.andExpect(jsonPath("$.items[0].read").value(false));
		mvc.perform(get("/api/v1/community/notifications/unread-count").with(member(owner, "주인")))
			.andExpect(jsonPath("$.count").value(1));
	}

	@Test
	void onlyPredictionServiceRaisesThem() throws Exception {
		String message = like(UUID.randomUUID());
		mvc.perform(post(RAISE).with(member(liker, "사칭")).contentType(MediaType.APPLICATION_JSON).content(message))
			.andExpect(status().isForbidden());
		mvc.perform(post(RAISE).with(admin(liker, "관리자")).contentType(MediaType.APPLICATION_JSON).content(message))
			.andExpect(status().isForbidden());
		mvc.perform(post(RAISE).with(service("auth-service")).contentType(MediaType.APPLICATION_JSON).content(message))
			.andExpect(status().isForbidden());
		mvc.perform(post(RAISE).contentType(MediaType.APPLICATION_JSON).content(message))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/community/notifications/unread-count").with(member(owner, "주인")))
			.andExpect(jsonPath("$.count").value(0));
	}

	@Test
	void aMessageWithAFieldWrongIsRefusedNamingTheField() throws Exception {
		mvc.perform(post(RAISE).with(service("prediction-service")).contentType(MediaType.APPLICATION_JSON)
			.content(json("id", UUID.randomUUID().toString(), "recipientId", owner.toString(), "kind", "POST_LIKE",
					"actorId", liker.toString(), "actorName", "누군가", "predictionId", analysis.toString())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(post(RAISE).with(service("prediction-service")).contentType(MediaType.APPLICATION_JSON)
			.content(json("id", UUID.randomUUID().toString(), "recipientId", owner.toString(), "kind", "ANALYSIS_LIKE",
					"actorId", liker.toString(), "actorName", " ")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"));
	}

	private String like(UUID messageId) {
		return json("id", messageId.toString(), "recipientId", owner.toString(), "kind", "ANALYSIS_LIKE", "actorId",
				liker.toString(), "actorName", "좋아요 누른 사람", "predictionId", analysis.toString());
	}
}
