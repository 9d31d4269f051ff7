package dev.hitter.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.hitter.prediction.model.ModelReadinessTest;

/** The service on a real MySQL-protocol database: its own schema, and nothing answered without a token. */
@SpringBootTest
@PredictionTestContext(schema = "hitter_prediction")
@AutoConfigureMockMvc
class PredictionServiceTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void ownsItsSchemaThroughFlyway() {
		assertThat(jdbc.queryForObject("select database()", String.class)).isEqualTo("hitter_prediction");
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = 1", Integer.class))
			.isPositive();
	}

	@Test
	void deniesApiCallsWithoutATokenAsProblemJson() throws Exception {
		mvc.perform(get("/api/v1/predictions"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/unauthorized"));
	}

	@Test
	void reportsReadinessWithoutAToken() throws Exception {
		// The models load on their own thread after start-up; ready once they are.
		ModelReadinessTest.awaitReadiness(mvc, 200);
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}
}
