package dev.hitter.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
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
		// For a lint by hand (docs/api-contract.md); the gateway's ApiContractIT lints the document as served.
		Files.createDirectories(Path.of("target/openapi"));
		Files.writeString(Path.of("target/openapi/community.json"), docs);
		Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
		assertThat(paths).containsKeys("/api/v1/community/posts", "/api/v1/community/posts/search",
				"/api/v1/community/posts/{id}", "/api/v1/community/posts/{id}/like",
				"/api/v1/community/posts/{id}/comments", "/api/v1/community/comments/{id}",
				"/api/v1/community/comments/{id}/like", "/api/v1/community/reports",
				"/api/v1/community/moderation/{targetType}/{targetId}", "/api/v1/community/notifications",
				"/api/v1/community/notifications/unread-count", "/api/v1/community/notifications/read");
		// Service-to-service paths are not part of the public contract: the gateway routes none of them.
		assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/internal/"));
		assertThat(JsonPath.<String>read(docs, "$.servers[0].url")).isEqualTo("http://localhost:8080");
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
				assertThat(responses).as(name).containsKeys("403", "429", "500");
				operations++;
			}
		}
		assertThat(operations).isGreaterThanOrEqualTo(18);
	}
}
