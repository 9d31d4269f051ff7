package dev.hitter.kit.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/** The shared customisation decides each operation's security from the access rules and adds the shared answers. */
class ApiContractCustomizerTest {

	private static final AccessRules RULES = new AccessRules(
			List.of("POST /api/v1/auth/login", "GET /api/v1/models/**"),
			List.of("GET /api/v1/predictions/leaderboard nothing:here",
					"GET /api/v1/predictions/{id:[0-9a-fA-F-]+} predictions:read",
					"POST /api/v1/predictions predictions:write",
					"/api/v1/prediction-jobs/** jobs:write"));

	private final OpenAPI api = new OpenAPI().paths(new Paths()
		.addPathItem("/api/v1/auth/login", new PathItem().post(operation("login")))
		.addPathItem("/api/v1/models/{genre}", new PathItem().get(operation("one")))
		.addPathItem("/api/v1/predictions", new PathItem().post(operation("analyse")).get(operation("mine")))
		.addPathItem("/api/v1/predictions/{id}", new PathItem().get(operation("one_1")).delete(operation("delete")))
		.addPathItem("/api/v1/prediction-jobs/{id}", new PathItem().delete(operation("delete_1")))
		.addPathItem("/internal/v1/members/{id}", new PathItem().delete(operation("erase"))));

	@Test
	void publicPathsNeedNoTokenAndOthersTheBearerPlusTheScopeTheFirstMatchingRuleGrants() {
		customise();
		assertThat(security("/api/v1/auth/login", PathItem.HttpMethod.POST)).isEmpty();
		assertThat(security("/api/v1/models/{genre}", PathItem.HttpMethod.GET)).isEmpty();
		assertThat(security("/api/v1/predictions", PathItem.HttpMethod.POST))
			.containsExactly(new SecurityRequirement().addList("bearer"),
					new SecurityRequirement().addList("partner", "predictions:write"));
		assertThat(security("/api/v1/predictions/{id}", PathItem.HttpMethod.GET))
			.containsExactly(new SecurityRequirement().addList("bearer"),
					new SecurityRequirement().addList("partner", "predictions:read"));
		// No rule grants deleting an analysis: partner clients are refused there, the document names the bearer only.
		assertThat(security("/api/v1/predictions/{id}", PathItem.HttpMethod.DELETE))
			.containsExactly(new SecurityRequirement().addList("bearer"));
		assertThat(security("/api/v1/prediction-jobs/{id}", PathItem.HttpMethod.DELETE))
			.containsExactly(new SecurityRequirement().addList("bearer"),
					new SecurityRequirement().addList("partner", "jobs:write"));
	}

	@Test
	void internalPathsAreLeftOutAndTheGatewayIsTheOnlyServer() {
		customise();
		assertThat(api.getPaths()).doesNotContainKey("/internal/v1/members/{id}");
		assertThat(api.getServers()).singleElement()
			.satisfies(server -> assertThat(server.getUrl()).isEqualTo("https://hitter.example"));
		assertThat(api.getComponents().getSecuritySchemes().get("partner").getFlows().getClientCredentials()
			.getTokenUrl()).isEqualTo("https://hitter.example/api/v1/auth/oauth2/token");
	}

	@Test
	void securedOperationsAnswer401And403EveryOperation429And500AndOwnAnswersWin() {
		Operation analyse = api.getPaths().get("/api/v1/predictions").getPost();
		analyse.getResponses().addApiResponse("429", new ApiResponse().description("analysis-limit-reached")
			.content(new Content().addMediaType("application/problem+json", new MediaType())));
		customise();
		assertThat(analyse.getResponses()).containsKeys("200", "401", "403", "429", "500");
		assertThat(analyse.getResponses().get("401").get$ref()).isEqualTo("#/components/responses/Unauthorized");
		assertThat(analyse.getResponses().get("429").getDescription()).isEqualTo("analysis-limit-reached");
		assertThat(analyse.getResponses().get("429").getContent().get("application/problem+json").getSchema().get$ref())
			.isEqualTo("#/components/schemas/Problem");
		assertThat(api.getPaths().get("/api/v1/auth/login").getPost().getResponses()).containsOnlyKeys("200", "429",
				"500");
		assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "FieldProblem");
	}

	@Test
	void operationsOfEqualNamesAreNamedAfterTheirControllers() {
		customise();
		assertThat(api.getPaths().get("/api/v1/models/{genre}").getGet().getOperationId()).isEqualTo("testOne");
		assertThat(api.getPaths().get("/api/v1/auth/login").getPost().getOperationId()).isEqualTo("login");
	}

	@Test
	void aRuleWithoutAScopeIsRefusedAtStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AccessRules(List.of(), List.of("GET /api/v1/predictions/**")))
			.withMessageContaining("GET /api/v1/predictions/**");
	}

	private void customise() {
		new ApiContractCustomizer(new ApiDocsProperties(URI.create("https://hitter.example/")), RULES).customise(api);
	}

	private List<SecurityRequirement> security(String path, PathItem.HttpMethod method) {
		return api.getPaths().get(path).readOperationsMap().get(method).getSecurity();
	}

	private static Operation operation(String id) {
		Operation operation = new Operation().operationId(id).summary(id)
			.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
				.content(new Content().addMediaType("application/json", new MediaType().schema(new Schema<>())))));
		operation.addExtension(AnswerAnnotations.CONTROLLER, "Test");
		return operation;
	}
}
