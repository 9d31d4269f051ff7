package dev.hitter.kit.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Makes every service's API document the same contract: the gateway as its only server, the two security schemes,
 * each operation's security as the service's access rules decide it, and the problem answers every operation shares.
 * What a controller documents itself (an answer's description, a 403 of its own) is kept.
 */
final class ApiContractCustomizer implements OpenApiCustomizer {

	// Service-to-service paths: the gateway routes none of them, and no client can get the service token they want.
	private static final String INTERNAL = "/internal/";

	private final ApiDocsProperties properties;

	private final AccessRules rules;

	ApiContractCustomizer(ApiDocsProperties properties, AccessRules rules) {
		this.properties = properties;
		this.rules = rules;
	}

	@Override
	public void customise(OpenAPI api) {
		api.setServers(List.of(new Server().url(properties.base()).description("The HITTER gateway")));
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		Components components = api.getComponents();
		ProblemAnswers.addTo(components);
		Paths paths = new Paths();
		if (api.getPaths() != null) {
			api.getPaths().forEach((path, item) -> {
				if (!path.startsWith(INTERNAL)) {
					paths.addPathItem(path, item);
				}
			});
		}
		api.setPaths(paths);
		nameOperationsApart(paths);
		paths.forEach((path, item) -> item.readOperationsMap()
			.forEach((method, operation) -> document(method.name(), path, operation)));
		securitySchemes(components, paths);
		declareUsedTags(api, paths);
		dropUnused(api);
	}

	// Spring's ProblemDetail gets into the schemas wherever a controller named it, and a shared answer may be given
	// by no operation of this service: every problem answer refers to the shared Problem schema, so these would only
	// be second, looser descriptions that nothing uses.
	private static void dropUnused(OpenAPI api) {
		String document = Json.pretty(api);
		Map<String, Schema> schemas = api.getComponents().getSchemas();
		if (schemas != null && schemas.containsKey("ProblemDetail")
				&& !document.contains("#/components/schemas/ProblemDetail\"")) {
			schemas.remove("ProblemDetail");
		}
		for (String shared : List.of(ProblemAnswers.UNAUTHORIZED, ProblemAnswers.FORBIDDEN, ProblemAnswers.RATE_LIMITED,
				ProblemAnswers.INTERNAL_ERROR)) {
			if (!document.contains("#/components/responses/" + shared + "\"")) {
				api.getComponents().getResponses().remove(shared);
			}
		}
	}

	// springdoc names an operation after its method and tells equal names apart by a counter (one, one_1, one_2),
	// which a generated client would turn into methods nobody can tell apart. Equal names get their controller's
	// instead: predictionOne, predictionJobOne, modelsOne.
	private static void nameOperationsApart(Paths paths) {
		List<Operation> operations = new ArrayList<>();
		paths.values().forEach(item -> operations.addAll(item.readOperations()));
		Map<String, List<Operation>> byName = new LinkedHashMap<>();
		for (Operation operation : operations) {
			if (operation.getOperationId() != null) {
				String name = operation.getOperationId().replaceFirst("_[0-9]+$", "");
				byName.computeIfAbsent(name, key -> new ArrayList<>()).add(operation);
			}
		}
		Set<String> taken = new LinkedHashSet<>();
		operations.forEach(operation -> taken.add(operation.getOperationId()));
		byName.forEach((name, same) -> {
			if (same.size() > 1) {
				for (Operation operation : same) {
					Object controller = operation.getExtensions() == null ? null
							: operation.getExtensions().get(AnswerAnnotations.CONTROLLER);
					if (controller == null) {
						continue;
					}
					String prefix = controller.toString();
					String apart = Character.toLowerCase(prefix.charAt(0)) + prefix.substring(1)
							+ Character.toUpperCase(name.charAt(0)) + name.substring(1);
					// Two methods of one controller with one name keep springdoc's counter: ids stay unique.
					if (taken.add(apart)) {
						operation.setOperationId(apart);
					}
				}
			}
		});
		for (Operation operation : operations) {
			if (operation.getExtensions() != null) {
				operation.getExtensions().remove(AnswerAnnotations.CONTROLLER);
			}
		}
	}

	private void document(String method, String path, Operation operation) {
		ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		boolean tokenOptional = operation.getExtensions() != null
				&& operation.getExtensions().remove(AnswerAnnotations.TOKEN_OPTIONAL) != null;
		if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
			operation.setExtensions(null);
		}
		if (rules.isPublic(method, path)) {
			List<SecurityRequirement> security = new ArrayList<>();
			if (tokenOptional) {
				// Either a member's token or nothing: the empty requirement is OpenAPI's "anonymous".
				security.add(new SecurityRequirement().addList(ApiContract.BEARER));
				security.add(new SecurityRequirement());
			}
			operation.setSecurity(security);
		}
		else {
			List<SecurityRequirement> security = new ArrayList<>();
			security.add(new SecurityRequirement().addList(ApiContract.BEARER));
			Optional<String> scope = rules.clientScope(method, path);
			scope.ifPresent(granted -> security.add(new SecurityRequirement().addList(ApiContract.PARTNER, granted)));
			operation.setSecurity(security);
			responses.putIfAbsent("401", ProblemAnswers.ref(ProblemAnswers.UNAUTHORIZED));
			responses.putIfAbsent("403", ProblemAnswers.ref(ProblemAnswers.FORBIDDEN));
		}
		responses.putIfAbsent("429", ProblemAnswers.ref(ProblemAnswers.RATE_LIMITED));
		responses.putIfAbsent("500", ProblemAnswers.ref(ProblemAnswers.INTERNAL_ERROR));
		responses.forEach((status, response) -> {
			problemSchema(status, response);
			if (response.getHeaders() != null) {
				response.getHeaders().values().forEach(header -> {
					if (header.get$ref() == null && header.getSchema() == null && header.getContent() == null) {
						header.setSchema(ProblemAnswers.typed("string"));
					}
				});
			}
		});
		// A parameter documented by name alone (a cookie, a header) still needs its type for a generated client.
		if (operation.getParameters() != null) {
			operation.getParameters().forEach(parameter -> {
				if (parameter.get$ref() == null && parameter.getSchema() == null && parameter.getContent() == null) {
					parameter.setSchema(ProblemAnswers.typed("string"));
				}
			});
		}
		// Keep the answers in status order: 200 … 500, as a reader scans them.
		ApiResponses sorted = new ApiResponses();
		responses.keySet().stream().sorted().forEach(status -> sorted.addApiResponse(status, responses.get(status)));
		sorted.setExtensions(responses.getExtensions());
		operation.setResponses(sorted);
	}

	// An error answer a controller documents with the problem media type alone gets the shared schema: springdoc would
	// otherwise describe it with the operation's success type.
	private static void problemSchema(String status, ApiResponse response) {
		if (response.get$ref() != null || !(status.startsWith("4") || status.startsWith("5"))
				|| response.getContent() == null) {
			return;
		}
		MediaType problem = response.getContent().get(ApiContract.PROBLEM_JSON);
		if (problem == null) {
			problem = new MediaType();
			response.getContent().clear();
			response.getContent().addMediaType(ApiContract.PROBLEM_JSON, problem);
		}
		problem.setSchema(new Schema<>().$ref("#/components/schemas/" + ApiContract.PROBLEM_SCHEMA));
	}

	private void securitySchemes(Components components, Paths paths) {
		Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
		schemes.put(ApiContract.BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("An access token as `Authorization: Bearer …`: a member's from the web app's login "
					+ "(`POST /api/v1/auth/login`), or a partner client's from the token endpoint."));
		Scopes scopes = new Scopes();
		ApiContract.SCOPES.entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach(scope -> scopes.addString(scope.getKey(), scope.getValue()));
		schemes.put(ApiContract.PARTNER, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
			.description("A partner tool's client credentials (an approved member creates the client in the web "
					+ "app): a short-lived token for the scopes it holds, sent as a bearer token. docs/partner-api.md.")
			.flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(properties.tokenUrl()).scopes(scopes))));
		// Schemes a controller declared itself but no operation uses any more (or the internal ones) are dropped.
		Set<String> used = new LinkedHashSet<>();
		paths.values().forEach(item -> item.readOperations().forEach(operation -> {
			if (operation.getSecurity() != null) {
				operation.getSecurity().forEach(requirement -> used.addAll(requirement.keySet()));
			}
		}));
		Map<String, SecurityScheme> declared = new LinkedHashMap<>();
		schemes.forEach(declared::put);
		if (components.getSecuritySchemes() != null) {
			components.getSecuritySchemes().forEach((name, scheme) -> {
				if (used.contains(name)) {
					declared.putIfAbsent(name, scheme);
				}
			});
		}
		components.setSecuritySchemes(declared);
	}

	// Every tag an operation names is declared once (with the controller's description); none that nothing uses.
	private static void declareUsedTags(OpenAPI api, Paths paths) {
		Set<String> used = new LinkedHashSet<>();
		paths.values().forEach(item -> item.readOperations().forEach(operation -> {
			if (operation.getTags() != null) {
				used.addAll(operation.getTags());
			}
		}));
		Map<String, Tag> declared = new LinkedHashMap<>();
		if (api.getTags() != null) {
			api.getTags().stream()
				.filter(tag -> used.contains(tag.getName()))
				.forEach(tag -> declared.put(tag.getName(), tag));
		}
		used.forEach(name -> declared.putIfAbsent(name, new Tag().name(name)));
		List<Tag> tags = new ArrayList<>(declared.values());
		tags.sort((a, b) -> a.getName().compareToIgnoreCase(b.getName()));
		api.setTags(tags);
	}
}
