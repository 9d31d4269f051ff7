package dev.hitter.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.hitter.auth.AuthApiTest;

/**
 * Two tabs share one refresh cookie and may both refresh with it: the token rotated a moment ago is accepted again
 * for {@code hitter.auth.refresh-reuse-grace} (default 10 s) instead of ending the login as a replay. Time is moved
 * by a clock the test controls, never waited for.
 */
@Import(MovableClock.Configuration.class)
class RefreshGraceTest extends AuthApiTest {

	@Autowired
	MovableClock clock;

	@Test
	void theJustRotatedTokenIsAcceptedAgainWithinTheGraceAndTheLoginSurvives() throws Exception {
		String login = signUpAndLogIn(uniqueEmail());
		String original = read(login, "$.refreshToken");

		String tabA = refreshOk(original);
		clock.advance(Duration.ofSeconds(5));
		String tabB = refreshOk(original);

		String successorA = read(tabA, "$.refreshToken");
		String successorB = read(tabB, "$.refreshToken");
		assertThat(successorB).isNotEqualTo(successorA).isNotEqualTo(original);
		mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + read(tabB, "$.accessToken")))
			.andExpect(status().isOk());

		// Both successors belong to the living login: the one issued first stays valid too.
		String next = refreshOk(successorA);
		refreshOk(successorB);

		// The original is now a grandparent: replaying it is reuse, within the grace or not, and ends the login.
		refresh(original).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-refresh-token"));
		refresh(read(next, "$.refreshToken")).andExpect(status().isUnauthorized());
	}

	@Test
	void theRotatedTokenAfterTheGraceIsReuseAndEndsTheLogin() throws Exception {
		String login = signUpAndLogIn(uniqueEmail());
		String original = read(login, "$.refreshToken");
		String renewed = read(refreshOk(original), "$.refreshToken");

		clock.advance(Duration.ofSeconds(11));
		refresh(original).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-refresh-token"));
		refresh(renewed).andExpect(status().isUnauthorized());
	}

	@Test
	void aLoggedOutTokenIsNotRevivedByTheGrace() throws Exception {
		String login = signUpAndLogIn(uniqueEmail());
		String original = read(login, "$.refreshToken");
		String renewed = refreshOk(original);
		mvc.perform(post("/api/v1/auth/logout")
			.header("Authorization", "Bearer " + read(renewed, "$.accessToken"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("refreshToken", read(renewed, "$.refreshToken")))))
			.andExpect(status().isNoContent());
		refresh(original).andExpect(status().isUnauthorized());
	}

	private String refreshOk(String refreshToken) throws Exception {
		return refresh(refreshToken).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private ResultActions refresh(String refreshToken) throws Exception {
		return postJson("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
	}
}
