package dev.hitter.auth.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.member.MemberRenamed;

@RecordApplicationEvents
class ProfileApiTest extends AuthApiTest {

	@Autowired
	ApplicationEvents events;

	@Test
	void aNewMembersProfileHasTheirSignUpNameAndKindAndNothingElse() throws Exception {
		String email = uniqueEmail();
		String token = accessToken(signUpAndLogIn(email));
		mvc.perform(get("/api/v1/auth/me/profile").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.displayName").value("Min-ji"))
			.andExpect(jsonPath("$.kind").value("producer"))
			.andExpect(jsonPath("$.affiliation").doesNotExist())
			.andExpect(jsonPath("$.bio").doesNotExist())
			.andExpect(jsonPath("$.memberSince").isNotEmpty());
	}

	@Test
	void memberEditsTheirProfileAndTheRenameIsAnnounced() throws Exception {
		String login = signUpAndLogIn(uniqueEmail());
		String token = accessToken(login);
		UUID memberId = UUID.fromString(JsonPath.read(claims(token), "$.sub"));
		patchProfile(token, Map.of("displayName", "  Min-ji Kim ", "kind", "LABEL", "affiliation", "Seoul Sound Co.",
				"bio", "Producer of city pop.\nLikes 128 bpm."))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.displayName").value("Min-ji Kim"))
			.andExpect(jsonPath("$.kind").value("label"))
			.andExpect(jsonPath("$.affiliation").value("Seoul Sound Co."))
			.andExpect(jsonPath("$.bio").value("Producer of city pop.\nLikes 128 bpm."));
		assertThat(events.stream(MemberRenamed.class)).containsExactly(new MemberRenamed(memberId, "Min-ji Kim"));

		// Left out: unchanged; empty: removed; the same name again: no new announcement.
		patchProfile(token, Map.of("affiliation", "", "displayName", "Min-ji Kim"))
			.andExpect(jsonPath("$.affiliation").doesNotExist())
			.andExpect(jsonPath("$.bio").value("Producer of city pop.\nLikes 128 bpm."))
			.andExpect(jsonPath("$.kind").value("label"));
		assertThat(events.stream(MemberRenamed.class)).hasSize(1);

		// The next access token carries the new name.
		String refreshed = postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(login, "$.refreshToken")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(claims(accessToken(refreshed)), "$.name")).isEqualTo("Min-ji Kim");
	}

	@Test
	void badProfileFieldsAreRefusedByNameAndNothingChanges() throws Exception {
		String token = accessToken(signUpAndLogIn(uniqueEmail()));
		Map<String, Object> bad = new HashMap<>();
		bad.put("displayName", "x".repeat(51));
		bad.put("kind", "drummer");
		bad.put("affiliation", "a".repeat(101));
		bad.put("bio", "b".repeat(501));
		assertRefused(token, bad, "displayName", "kind", "affiliation", "bio");
		assertRefused(token, Map.of("displayName", "   "), "displayName");
		assertRefused(token, Map.of("displayName", "Min\u0000ji"), "displayName");
		assertRefused(token, Map.of("affiliation", "Label\u001b[31m"), "affiliation");
		assertRefused(token, Map.of("bio", "line\u0007bell"), "bio");
		assertRefused(token, Map.of("displayName", " ".repeat(1_000_000) + "\u0000"), "displayName");
		mvc.perform(get("/api/v1/auth/me/profile").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.displayName").value("Min-ji"))
			.andExpect(jsonPath("$.kind").value("producer"));
		assertThat(events.stream(MemberRenamed.class)).isEmpty();
	}

	@Test
	void theProfileNeedsAToken() throws Exception {
		mvc.perform(get("/api/v1/auth/me/profile")).andExpect(status().isUnauthorized());
		mvc.perform(patch("/api/v1/auth/me/profile").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized());
	}

	private void assertRefused(String token, Map<String, Object> body, String... fields) throws Exception {
		ResultActions answer = patchProfile(token, body).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"));
		for (String field : fields) {
			answer.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());
		}
	}

	private ResultActions patchProfile(String token, Map<String, Object> body) throws Exception {
		return mvc.perform(patch("/api/v1/auth/me/profile").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body)));
	}

	private static String accessToken(String login) {
		return read(login, "$.accessToken");
	}

	private static String claims(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}
}
