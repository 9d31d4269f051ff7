package dev.hitter.kit.apidocs;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hitter.kit.problem.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The problem+json (RFC 9457) answers every HITTER operation may give, as the document's shared {@code Problem} schema
 * and shared responses, and the inline answers of the meta-annotations ({@link NotFoundAnswer} …), each with an
 * example a client can read its {@code type} from.
 */
final class ProblemAnswers {

	static final String UNAUTHORIZED = "Unauthorized";

	static final String FORBIDDEN = "Forbidden";

	static final String RATE_LIMITED = "RateLimited";

	static final String INTERNAL_ERROR = "InternalError";

	private static final String REQUEST_ID = "3f6c1b1e9a4d4c07";

	// Titles of the kit's problem types, so an example looks like the answer; a service's own types use the
	// description.
	private static final Map<String, ProblemType> KNOWN_TYPES = knownTypes();

	private ProblemAnswers() {
	}

	/** Adds the Problem schema and the shared responses (401, 403, 429, 500) to the components. */
	static void addTo(Components components) {
		components.addSchemas(ApiContract.PROBLEM_SCHEMA, problemSchema());
		components.addSchemas("FieldProblem", fieldProblemSchema());
		components.addResponses(UNAUTHORIZED, answer(401, "unauthorized",
				"unauthorized: no access token, or an expired, forged or revoked one")
			.addHeaderObject("WWW-Authenticate", header("`Bearer`, with `error=\"invalid_token\"` for a bad token",
					"string")));
		components.addResponses(FORBIDDEN, answer(403, "forbidden",
				"forbidden: the member may not do this; insufficient-scope: a partner client's token lacks the scope "
						+ "(or clients may not call this operation at all); email-unverified: verify the address "
						+ "first"));
		components.addResponses(RATE_LIMITED, answer(429, "rate-limited",
				"rate-limited: too many calls from this client, member or address; retry after `Retry-After` seconds")
			.addHeaderObject("Retry-After", header("Whole seconds to wait before the next call", "integer"))
			.addHeaderObject("RateLimit-Limit", header("Calls allowed per window", "integer"))
			.addHeaderObject("RateLimit-Remaining", header("Calls left in this window", "integer"))
			.addHeaderObject("RateLimit-Reset", header("Seconds until the window is full again", "integer")));
		components.addResponses(INTERNAL_ERROR, answer(500, "internal-error",
				"internal-error: something went wrong on our side; the `requestId` finds it in the logs"));
	}

	/** A reference to one of the shared responses. */
	static ApiResponse ref(String name) {
		return new ApiResponse().$ref("#/components/responses/" + name);
	}

	/**
	 * An inline problem answer. The description starts with the problem type's slug ({@code "not-found: …"}), which
	 * the example's {@code type} is made of.
	 */
	static ApiResponse answer(int status, String description) {
		String slug = description.split("[:\\s]", 2)[0];
		return answer(status, slug.matches("[a-z][a-z0-9-]*") ? slug : "problem", description);
	}

	/** The content of a problem answer: the shared schema. */
	static Content problemContent() {
		return new Content().addMediaType(ApiContract.PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ApiContract.PROBLEM_SCHEMA)));
	}

	private static ApiResponse answer(int status, String slug, String description) {
		ProblemType known = KNOWN_TYPES.get(slug);
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", ProblemType.BASE_URI + slug);
		String title = known != null ? known.title() : description.substring(description.indexOf(':') + 1).trim();
		example.put("title", title);
		example.put("status", status);
		example.put("detail", "What went wrong with this request, for a person to read");
		example.put("instance", "/api/v1/...");
		example.put("requestId", REQUEST_ID);
		Content content = problemContent();
		content.get(ApiContract.PROBLEM_JSON).setExample(example);
		return new ApiResponse().description(description).content(content);
	}

	private static Schema<Object> problemSchema() {
		Schema<Object> schema = typed("object").description("An error answer (RFC 9457). Tell errors apart by `type`; "
				+ "docs/problems.md lists every type.");
		schema.setRequired(List.of("type", "title", "status"));
		schema.addProperty("type", typed("string").format("uri")
			.description("Stable URI of the kind of error, e.g. https://hitter.dev/problems/not-found"));
		schema.addProperty("title", typed("string").description("Short summary of the kind of error"));
		schema.addProperty("status", typed("integer").description("The HTTP status"));
		schema.addProperty("detail", typed("string").description("What went wrong with this request"));
		schema.addProperty("instance", typed("string").format("uri-reference").description("The request's path"));
		schema.addProperty("requestId", typed("string").description("The request's id in the services' logs"));
		Schema<Object> errors = typed("array").description("validation-failed: each field at fault");
		errors.setItems(new Schema<>().$ref("#/components/schemas/FieldProblem"));
		schema.addProperty("errors", errors);
		return schema;
	}

	private static Schema<Object> fieldProblemSchema() {
		Schema<Object> schema = typed("object").description("One field at fault, named as the client sent it");
		schema.setRequired(List.of("field", "detail"));
		schema.addProperty("field", typed("string").description("JSON property, query parameter or form part"));
		schema.addProperty("detail", typed("string").description("What is wrong with it"));
		return schema;
	}

	private static Header header(String description, String type) {
		return new Header().description(description).schema(typed(type));
	}

	// OpenAPI 3.1 documents carry a schema's type in "types"; 3.0 ones in "type": set both.
	static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>();
		schema.setType(type);
		schema.setTypes(Set.of(type));
		return schema;
	}

	private static Map<String, ProblemType> knownTypes() {
		Map<String, ProblemType> types = new LinkedHashMap<>();
		for (Field field : ProblemType.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemType.class) {
				try {
					ProblemType type = (ProblemType) field.get(null);
					types.put(type.slug(), type);
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return Map.copyOf(types);
	}
}
