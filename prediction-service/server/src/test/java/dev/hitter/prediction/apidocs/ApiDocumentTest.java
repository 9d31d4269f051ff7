package dev.hitter.prediction.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.prediction.PredictionTestContext;

/**
 * prediction-service's API document is the shared contract (service kit, docs/api-contract.md): the gateway as server,
 * every operation with a summary, tags, its security (a partner scope where a client-scope rule grants one) and problem
 * answers, and no /internal path. Written to target/openapi/prediction.json for a lint by hand (the gateway's
 * ApiContractIT lints it as served).
 */
@SpringBootTest
@PredictionTestContext(schema = "hitter_prediction")
@AutoConfigureMockMvc
class ApiDocumentTest {

	@Autowired
	MockMvc mvc;

	@Test
	@SuppressWarnings("unchecked")
	void everyOperationFollowsTheContract() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		Files.createDirectories(Path.of("target/openapi"));
		Files.writeString(Path.of("target/openapi/prediction.json"), docs);

		assertThat(JsonPath.<String>read(docs, "$.servers[0].url")).isEqualTo("http://localhost:8080");
		Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
		assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/internal/"));
		for (var path : paths.entrySet()) {
			for (var entry : path.getValue().entrySet()) {
				String name = entry.getKey().toUpperCase() + " " + path.getKey();
				Map<String, Object> operation = (Map<String, Object>) entry.getValue();
				assertThat((String) operation.get("summary")).as(name).isNotBlank();
				assertThat((List<Object>) operation.get("tags")).as(name).isNotEmpty();
				assertThat(operation).as(name).containsKey("security");
				assertThat((Map<String, Object>) operation.get("responses")).as(name).containsKeys("429", "500");
			}
		}
		// The service's client-scope rules decide: reading wants predictions:read, analysing and deleting
		// predictions:write, redelivering a webhook jobs:write; the leaderboard is for members only; the model cards
		// are public.
		assertThat(security(docs, "/api/v1/predictions/{id}", "get")).containsExactly(Map.of("bearer", List.of()),
				Map.of("partner", List.of("predictions:read")));
		assertThat(security(docs, "/api/v1/predictions", "post")).containsExactly(Map.of("bearer", List.of()),
				Map.of("partner", List.of("predictions:write")));
		assertThat(security(docs, "/api/v1/predictions/{id}", "delete")).containsExactly(Map.of("bearer", List.of()),
				Map.of("partner", List.of("predictions:write")));
		assertThat(security(docs, "/api/v1/prediction-jobs/{id}/webhook-deliveries", "post"))
			.containsExactly(Map.of("bearer", List.of()), Map.of("partner", List.of("jobs:write")));
		assertThat(security(docs, "/api/v1/predictions/leaderboard", "get"))
			.containsExactly(Map.of("bearer", List.of()));
		assertThat(JsonPath.<List<Object>>read(docs, "$.paths['/api/v1/models'].get.security")).isEmpty();
		assertThat(JsonPath.<Map<String, Object>>read(docs, "$.paths['/api/v1/predictions/{id}'].get.responses"))
			.containsKeys("401", "403", "404");
	}

	private static List<Object> security(String docs, String path, String method) {
		return JsonPath.read(docs, "$.paths['" + path + "']." + method + ".security");
	}
}
