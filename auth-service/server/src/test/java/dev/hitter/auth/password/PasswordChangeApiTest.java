package dev.hitter.auth.password;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.kit.clientaddress.ClientAddress;

class PasswordChangeApiTest extends AuthApiTest {

	private static final String NEW_PASSWORD = "waltz-in-3/4-time";

	@Test
	void memberChangesTheirPasswordAndEveryOtherSessionEnds() throws Exception {
		String email = uniqueEmail();
		String here = signUpAndLogIn(email);
		String elsewhere = postJson("/api/v1/auth/login", Map.of("email", email, "password", STRONG_PASSWORD))
			.andReturn()
			.getResponse()
			.getContentAsString();

		change(here, STRONG_PASSWORD, NEW_PASSWORD).andExpect(status().isNoContent());

		postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(elsewhere, "$.refreshToken")))
			.andExpect(status().isUnauthorized());
		postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(here, "$.refreshToken")))
			.andExpect(status().isOk());
		postJson("/api/v1/auth/login", Map.of("email", email, "password", STRONG_PASSWORD))
			.andExpect(status().isUnauthorized());
		postJson("/api/v1/auth/login", Map.of("email", email, "password", NEW_PASSWORD)).andExpect(status().isOk());
	}

	@Test
	void aWrongCurrentPasswordChangesNothingAndGuessingItIsThrottled() throws Exception {
		String email = uniqueEmail();
		String here = signUpAndLogIn(email);
		for (int i = 0; i < 6; i++) {
			change(here, "guess-number-" + i, NEW_PASSWORD).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/current-password-wrong"))
				.andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
		}
		change(here, "guess-number-7", NEW_PASSWORD).andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/login-throttled"));
		postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(here, "$.refreshToken")))
			.andExpect(status().isOk());
	}

	@Test
	void theNewPasswordFollowsThePasswordRules() throws Exception {
		String here = signUpAndLogIn(uniqueEmail());
		change(here, STRONG_PASSWORD, "short").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newPassword"));
		change(here, STRONG_PASSWORD, STRONG_PASSWORD).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newPassword"));
		mvc.perform(post("/api/v1/auth/me/password").header("Authorization", "Bearer " + read(here, "$.accessToken"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/auth/me/password").contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("currentPassword", STRONG_PASSWORD, "newPassword", NEW_PASSWORD))))
			.andExpect(status().isUnauthorized());
	}

	private ResultActions change(String tokens, String current, String next) throws Exception {
		return mvc.perform(post("/api/v1/auth/me/password").header("Authorization", "Bearer " + read(tokens, "$.accessToken"))
			.header(ClientAddress.HEADER, "192.0.2." + (tokens.hashCode() & 0xff))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("currentPassword", current, "newPassword", next))));
	}
}
