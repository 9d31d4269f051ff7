package dev.hitter.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

/** Every community endpoint documented as a client needs it: summary, tags, the bearer scheme, problem answers. */
class ApiDocumentsTest extends CommunityApiTestBase {

	@Test
	@SuppressWarnings("unchecked")
	void everyOperationHasASummaryTagsBearerSecurityAndProblemAnswers() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
		assertThat(paths).containsKeys("/api/v1/community/posts", "/api/v1/community/posts/search",
				"/api/v1/community/posts/{id}", "/api/v1/community/posts/{id}/like",
				"/api/v1/community/posts/{id}/comments", "/api/v1/community/comments/{id}",
				"/api/v1/community/comments/{id}/like", "/api/v1/community/reports",
				"/api/v1/community/moderation/{targetType}/{targetId}", "/api/v1/community/notifications",
				"/api/v1/community/notifications/unread-count", "/api/v1/community/notifications/read",
				"/internal/v1/members/{id}/renamed", "/internal/v1/members/{id}/anonymise");
		int operations = 0;
		for (var path : paths.entrySet()) {
			for (var operation : path.getValue().entrySet()) {
				String name = operation.getKey().toUpperCase() + " " + path.getKey();
				Map<String, Object> documented = (Map<String, Object>) operation.getValue();
				assertThat((String) documented.get("summary")).as(name).isNotBlank();
				assertThat((List<Object>) documented.get("tags")).as(name).isNotEmpty();
				assertThat((List<Object>) documented.get("security")).as(name)
					.containsExactly(Map.of("bearer", List.of()));
				Map<String, Object> responses = (Map<String, Object>) documented.get("responses");
				assertThat(responses).as(name).containsKey("401");
				assertThat(JsonPath.<Map<String, Object>>read(responses.get("401"), "$.content")).as(name)
					.containsKey("application/problem+json");
				operations++;
			}
		}
		assertThat(operations).isGreaterThanOrEqualTo(20);
	}
}
