package dev.hitter.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;

class MySessionsApiTest extends AuthApiTest {

	static final String FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 "
			+ "Firefox/133.0";

	static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

	@Test
	void memberSeesEachDeviceTheyAreSignedInOnAndWhichOneIsThisOne() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist");
		String laptop = login(email, FIREFOX_WINDOWS);
		String phone = login(email, SAFARI_IPHONE);

		String list = mvc.perform(get("/api/v1/auth/sessions").header("Authorization", bearer(phone)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].current").value(true))
			.andExpect(jsonPath("$[0].device.browser").value("Safari"))
			.andExpect(jsonPath("$[0].device.os").value("iOS"))
			.andExpect(jsonPath("$[1].current").value(false))
			.andExpect(jsonPath("$[1].device.browser").value("Firefox"))
			.andExpect(jsonPath("$[1].device.os").value("Windows"))
			.andExpect(jsonPath("$[1].createdAt").isNotEmpty())
			.andExpect(jsonPath("$[1].lastUsedAt").isNotEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain("token");

		// Refreshing keeps the login (and its device) and moves its last use on.
		String renewed = refresh(laptop);
		String after = mvc.perform(get("/api/v1/auth/sessions").header("Authorization", bearer(renewed)))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].device.browser").value("Firefox"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(after, "$[0].id")).isEqualTo(JsonPath.<String>read(list, "$[1].id"));
	}

	@Test
	void endingOneSessionSignsThatDeviceOutAndOnlyThatOne() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist");
		String laptop = login(email, FIREFOX_WINDOWS);
		String phone = login(email, SAFARI_IPHONE);
		String laptopSession = JsonPath.read(
				mvc.perform(get("/api/v1/auth/sessions").header("Authorization", bearer(phone)))
					.andReturn()
					.getResponse()
					.getContentAsString(),
				"$[1].id");

		mvc.perform(delete("/api/v1/auth/sessions/" + laptopSession).header("Authorization", bearer(phone)))
			.andExpect(status().isNoContent());
		postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(laptop, "$.refreshToken")))
			.andExpect(status().isUnauthorized());
		refresh(phone);
		mvc.perform(delete("/api/v1/auth/sessions/" + laptopSession).header("Authorization", bearer(phone)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aMemberCannotSeeOrEndAnotherMembersSession() throws Exception {
		String victimEmail = uniqueEmail();
		signUp(victimEmail, STRONG_PASSWORD, "Victim", "artist");
		String victim = login(victimEmail, FIREFOX_WINDOWS);
		String victimSession = JsonPath.read(mvc.perform(get("/api/v1/auth/sessions").header("Authorization", bearer(victim)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$[0].id");
		String attacker = signUpAndLogIn(uniqueEmail());

		mvc.perform(get("/api/v1/auth/sessions").header("Authorization", bearer(attacker)))
			.andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(victimSession))));
		mvc.perform(delete("/api/v1/auth/sessions/" + victimSession).header("Authorization", bearer(attacker)))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/auth/sessions/not-a-uuid").header("Authorization", bearer(attacker)))
			.andExpect(status().isBadRequest());
		refresh(victim);
	}

	@Test
	void endingAllOtherSessionsKeepsOnlyThisOne() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist");
		List<String> others = List.of(login(email, FIREFOX_WINDOWS), login(email, SAFARI_IPHONE), login(email, null));
		String here = login(email, FIREFOX_WINDOWS);

		mvc.perform(delete("/api/v1/auth/sessions").header("Authorization", bearer(here)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("others"));
		mvc.perform(delete("/api/v1/auth/sessions").param("others", "true").header("Authorization", bearer(here)))
			.andExpect(status().isNoContent());
		for (String other : others) {
			postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(other, "$.refreshToken")))
				.andExpect(status().isUnauthorized());
		}
		String renewed = refresh(here);
		mvc.perform(get("/api/v1/auth/sessions").header("Authorization", bearer(renewed)))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].current").value(true));
	}

	@Test
	void sessionsNeedAToken() throws Exception {
		mvc.perform(get("/api/v1/auth/sessions")).andExpect(status().isUnauthorized());
		mvc.perform(delete("/api/v1/auth/sessions/" + UUID.randomUUID())).andExpect(status().isUnauthorized());
	}

	private String login(String email, String userAgent) throws Exception {
		var request = post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("email", email, "password", STRONG_PASSWORD)));
		if (userAgent != null) {
			request.header("User-Agent", userAgent);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String refresh(String tokens) throws Exception {
		return postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(tokens, "$.refreshToken")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static String bearer(String tokens) {
		return "Bearer " + read(tokens, "$.accessToken");
	}
}
