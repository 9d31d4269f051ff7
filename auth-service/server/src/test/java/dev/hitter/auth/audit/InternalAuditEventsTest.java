package dev.hitter.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.service.TestServiceTokens;
import dev.hitter.auth.signup.SignUpMember;

/** Moderation events from community-service and prediction-service reach the audit log once, and nothing else does. */
class InternalAuditEventsTest extends AuthApiTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	SignUpMember signUpMember;

	@Test
	void aModerationEventFromCommunityIsRecordedOnceHoweverOftenItIsDelivered() throws Exception {
		UUID owner = UUID.randomUUID();
		UUID moderator = UUID.randomUUID();
		Map<String, Object> event = event(owner, moderator, "MODERATION_POST_REMOVE");
		for (int delivery = 0; delivery < 3; delivery++) {
			send("community-service", event).andExpect(status().isNoContent());
		}

		List<Map<String, Object>> events = AuditTrail.eventsOf(mvc, adminBearer(), owner.toString());
		assertThat(events).singleElement().satisfies(recorded -> {
			assertThat(recorded.get("id")).isEqualTo(event.get("id"));
			assertThat(recorded.get("kind")).isEqualTo("MODERATION_POST_REMOVE");
			assertThat(recorded.get("source")).isEqualTo("community-service");
			assertThat(recorded.get("actorId")).isEqualTo(moderator.toString());
			assertThat(recorded.get("detail")).isEqualTo("post 42 spam");
			assertThat(recorded.get("clientAddress")).isNull();
		});
	}

	@Test
	void predictionServiceMaySendToo() throws Exception {
		UUID owner = UUID.randomUUID();
		send("prediction-service", event(owner, UUID.randomUUID(), "MODERATION_ENTRY_HIDDEN"))
			.andExpect(status().isNoContent());
		assertThat(AuditTrail.eventsOf(mvc, adminBearer(), owner.toString())).extracting(e -> e.get("source"))
			.containsExactly("prediction-service");
	}

	@Test
	void membersOtherServicesAndNonModerationKindsAreRefused() throws Exception {
		UUID owner = UUID.randomUUID();
		String member = "Bearer " + read(signUpAndLogIn(uniqueEmail()), "$.accessToken");
		mvc.perform(post("/internal/v1/audit-events").header("Authorization", member)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(event(owner, UUID.randomUUID(), "MODERATION_POST_HIDE")))).andExpect(status().isForbidden());
		mvc.perform(post("/internal/v1/audit-events").contentType(MediaType.APPLICATION_JSON)
			.content(json(event(owner, UUID.randomUUID(), "MODERATION_POST_HIDE")))).andExpect(status().isUnauthorized());
		send("auth-service", event(owner, UUID.randomUUID(), "MODERATION_POST_HIDE")).andExpect(status().isForbidden());
		send("gateway", event(owner, UUID.randomUUID(), "MODERATION_POST_HIDE")).andExpect(status().isForbidden());

		// A service's credential cannot write a security event into the log.
		for (String kind : List.of("LOGIN_SUCCEEDED", "ROLE_CHANGED", "moderation_post_hide", "MODERATION_",
				"MODERATION_" + "X".repeat(30))) {
			send("community-service", event(owner, UUID.randomUUID(), kind)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("kind"));
		}
		Map<String, Object> long_ = event(owner, UUID.randomUUID(), "MODERATION_POST_HIDE");
		long_.put("detail", "x".repeat(501));
		send("community-service", long_).andExpect(status().isBadRequest());
		Map<String, Object> noId = event(owner, UUID.randomUUID(), "MODERATION_POST_HIDE");
		noId.remove("id");
		send("community-service", noId).andExpect(status().isBadRequest());

		assertThat(AuditTrail.eventsOf(mvc, adminBearer(), owner.toString())).isEmpty();
	}

	@Test
	void controlCharactersInTheDetailNeverReachTheLog() throws Exception {
		UUID owner = UUID.randomUUID();
		Map<String, Object> event = event(owner, UUID.randomUUID(), "MODERATION_COMMENT_HIDE");
		event.put("detail", "line one\n\u001b[31mred\u0000");
		send("community-service", event).andExpect(status().isNoContent());
		assertThat(AuditTrail.eventsOf(mvc, adminBearer(), owner.toString()).get(0).get("detail"))
			.isEqualTo("line one  [31mred");
	}

	private ResultActions send(String service, Map<String, Object> event) throws Exception {
		return mvc.perform(post("/internal/v1/audit-events").header("Authorization",
				TestServiceTokens.bearer(context, service))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(event)));
	}

	private static Map<String, Object> event(UUID owner, UUID moderator, String kind) {
		Map<String, Object> event = new HashMap<>();
		event.put("id", UUID.randomUUID().toString());
		event.put("kind", kind);
		event.put("memberId", owner.toString());
		event.put("actorId", moderator.toString());
		event.put("detail", "post 42 spam");
		event.put("occurredAt", "2026-12-07T10:15:30Z");
		return event;
	}

	private String adminBearer() throws Exception {
		String email = "admin-" + UUID.randomUUID() + "@example.com";
		AuditTrail.administrator(signUpMember, email, STRONG_PASSWORD);
		return "Bearer " + read(logIn(email, STRONG_PASSWORD), "$.accessToken");
	}
}
