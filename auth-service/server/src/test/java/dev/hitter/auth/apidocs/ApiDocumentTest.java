package dev.hitter.auth.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;

/**
 * auth-service's API document is the shared contract (service kit, docs/api-contract.md): the gateway as server,
 * every operation with a summary, tags, its security and problem answers, and no /internal path. The document is
 * written to target/openapi/auth.json, where Redocly lints it by hand (the gateway's ApiContractIT lints it served).
 */
class ApiDocumentTest extends AuthApiTest {

	@Test
	@SuppressWarnings("unchecked")
	void everyOperationFollowsTheContract() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		Files.createDirectories(Path.of("target/openapi"));
		Files.writeString(Path.of("target/openapi/auth.json"), docs);

		assertThat(JsonPath.<String>read(docs, "$.servers[0].url")).isEqualTo("http://localhost:8080");
		assertThat(JsonPath.<String>read(docs, "$.components.securitySchemes.partner.flows.clientCredentials.tokenUrl"))
			.isEqualTo("http://localhost:8080/api/v1/auth/oauth2/token");
		Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
		assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/internal/"));
		assertThat(paths).containsKeys("/api/v1/auth/login", "/api/v1/users/me", "/api/v1/auth/admin/members");
		for (var path : paths.entrySet()) {
			for (var entry : path.getValue().entrySet()) {
				String name = entry.getKey().toUpperCase() + " " + path.getKey();
				Map<String, Object> operation = (Map<String, Object>) entry.getValue();
				assertThat((String) operation.get("summary")).as(name).isNotBlank();
				assertThat((List<Object>) operation.get("tags")).as(name).isNotEmpty();
				assertThat(operation).as(name).containsKey("security");
				Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
				assertThat(responses).as(name).containsKeys("429", "500");
				// Client tokens are refused on every auth-service path: no operation names the partner scheme.
				assertThat(operation.get("security").toString()).as(name).doesNotContain("partner");
			}
		}
		Map<String, Object> login = JsonPath.read(docs, "$.paths['/api/v1/auth/login'].post");
		assertThat((List<Object>) login.get("security")).as("public").isEmpty();
		Map<String, Object> me = JsonPath.read(docs, "$.paths['/api/v1/users/me'].get");
		assertThat((List<Object>) me.get("security")).containsExactly(Map.of("bearer", List.of()));
		assertThat((Map<String, Object>) me.get("responses")).containsKeys("401", "403");
		// The partner token endpoint (a filter of Spring Authorization Server, no controller) is there for tools too.
		Map<String, Object> token = JsonPath.read(docs, "$.paths['/api/v1/auth/oauth2/token'].post");
		assertThat((List<Object>) token.get("security")).as("public").isEmpty();
		assertThat((Map<String, Object>) token.get("responses")).containsKeys("200", "400", "401", "429");
		assertThat(JsonPath.<String>read(docs,
				"$.paths['/api/v1/auth/oauth2/token'].post.requestBody.content['application/x-www-form-urlencoded'].schema['$ref']"))
			.isEqualTo("#/components/schemas/TokenRequest");
	}
}
