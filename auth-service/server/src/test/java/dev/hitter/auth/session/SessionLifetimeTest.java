package dev.hitter.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import dev.hitter.auth.AuthApiTest;

/**
 * A login ends after {@code hitter.auth.refresh-token-max-lifetime} however often it is refreshed: a stolen
 * refresh token that is kept in use must not live forever. Time is moved on by a clock the test controls.
 */
@Import(MovableClock.Configuration.class)
class SessionLifetimeTest extends AuthApiTest {

	@Autowired
	MovableClock clock;

	@Test
	void refreshingForeverStopsAtTheMaximumLifetimeOfTheLogin() throws Exception {
		// Defaults: a refresh token lives 30 days, a login at most 90 days.
		String tokens = signUpAndLogIn(uniqueEmail());
		for (int day = 29; day <= 87; day += 29) {
			clock.advance(Duration.ofDays(29));
			tokens = refresh(read(tokens, "$.refreshToken"));
		}
		// Day 87: the renewed token lives only as long as the login has left, not another 30 days.
		assertThat(Long.parseLong(read(tokens, "$.refreshExpiresIn"))).isBetween(Duration.ofDays(3).minusMinutes(5).toSeconds(),
				Duration.ofDays(3).toSeconds());

		clock.advance(Duration.ofDays(29));
		postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(tokens, "$.refreshToken")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-refresh-token"));
	}

	@Test
	void aLoginStillRefreshesWithinItsLifetime() throws Exception {
		String tokens = signUpAndLogIn(uniqueEmail());
		clock.advance(Duration.ofDays(20));
		tokens = refresh(read(tokens, "$.refreshToken"));
		assertThat(Long.parseLong(read(tokens, "$.refreshExpiresIn"))).isEqualTo(Duration.ofDays(30).toSeconds());
	}

	private String refresh(String refreshToken) throws Exception {
		return postJson("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken)).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}
}
