package dev.hitter.prediction;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.junit.jupiter.api.Test;

/**
 * Every list checks its paging the same way: a page far past any member's data, or one whose offset overflows, is a
 * 400 naming {@code page}, never a 500 from the database layer.
 */
class PagingLimitsTest extends InputLimitsApiTestBase {

	private final UUID member = UUID.randomUUID();

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/predictions", "/api/v1/predictions/leaderboard?genre=POP",
			"/api/v1/prediction-jobs" })
	void aHugePageIsRefusedNamingPage(String list) throws Exception {
		for (String paging : new String[] { "page=2147483647", "page=107374183&size=20", "page=21474837&size=100",
				"page=99999999999" }) {
			mvc.perform(get(list + (list.contains("?") ? "&" : "?") + paging).with(member(member)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
				.andExpect(jsonPath("$.errors[0].field").value("page"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/predictions", "/api/v1/predictions/leaderboard?genre=POP",
			"/api/v1/prediction-jobs" })
	void aSizeOutsideTheRangeIsRefusedNamingSize(String list) throws Exception {
		for (String paging : new String[] { "size=0", "size=101", "page=-1&size=20" }) {
			mvc.perform(get(list + (list.contains("?") ? "&" : "?") + paging).with(member(member)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(paging.startsWith("page") ? "page" : "size"));
		}
	}

	@Test
	void aPagePastTheEndButWithinTheLimitIsEmpty() throws Exception {
		for (String list : new String[] { "/api/v1/predictions?", "/api/v1/predictions/leaderboard?genre=POP&",
				"/api/v1/prediction-jobs?" }) {
			mvc.perform(get(list + "page=49999&size=20").with(member(member)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items").isEmpty());
		}
	}
}
