package dev.hitter.auth.partner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The partner token endpoint in auth-service's API document. Spring Authorization Server serves it from a filter, so
 * springdoc never sees it; a tool generated from the document needs it as much as any controller's operation. Runs
 * before the kit's customisation, which then gives it the shared answers (429, 500) and the public security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TokenEndpointDocs implements OpenApiCustomizer {

	static final String PATH = "/api/v1/auth/oauth2/token";

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String JSON = "application/json";

	private final PartnerProperties properties;

	TokenEndpointDocs(PartnerProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customise(OpenAPI api) {
		if (api.getPaths() == null) {
			api.setPaths(new Paths());
		}
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		api.getComponents().addSchemas("TokenRequest", tokenRequest());
		api.getComponents().addSchemas("TokenAnswer", tokenAnswer());
		api.getComponents().addSchemas("OAuthError", oauthError());
		Operation token = new Operation().operationId("partnerToken")
			.addTagsItem("Partner clients")
			.summary("Get an access token by client credentials (partner tools)")
			.description("OAuth 2.0 client credentials (RFC 6749 §4.4). Authenticate with the client id and secret as "
					+ "HTTP Basic (`client_secret_basic`, preferred) or as `client_id` and `client_secret` in the form "
					+ "(`client_secret_post`) — never both. `scope` asks for some of the client's scopes; none asks for "
					+ "all of them. The token lives " + properties.tokenTtl().toMinutes() + " minutes: ask for a new "
					+ "one when it runs out (there is no refresh token). Errors are RFC 6749 JSON, as OAuth 2 "
					+ "libraries expect, not problems. docs/partner-api.md.")
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType(FORM,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/TokenRequest"))
							.example(new LinkedHashMap<>(Map.of("grant_type", "client_credentials", "scope",
									"predictions:read jobs:write"))))))
			.responses(new ApiResponses()
				.addApiResponse("200", json("A bearer token for the granted scopes", "TokenAnswer",
						Map.of("access_token", "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiIuLi4ifQ.c2ln",
								"token_type", "Bearer", "expires_in", properties.tokenTtl().toSeconds(), "scope",
								"predictions:read jobs:write")))
				.addApiResponse("400", json("invalid_request (a malformed or oversized form, credentials given twice), "
						+ "unsupported_grant_type, invalid_scope (a scope the client was not given)", "OAuthError",
						Map.of("error", "invalid_scope")))
				.addApiResponse("401", json("invalid_client: unknown or revoked client, wrong or rotated-away "
						+ "secret, or a partner whose access was revoked or who is suspended", "OAuthError",
						Map.of("error", "invalid_client"))));
		api.getPaths().addPathItem(PATH, new PathItem().post(token));
	}

	private static ApiResponse json(String description, String schema, Map<String, Object> example) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))
						.example(new LinkedHashMap<>(example))));
	}

	private static Schema<?> tokenRequest() {
		return new ObjectSchema().description("The token request form")
			.addProperty("grant_type", new StringSchema()._enum(List.of("client_credentials")))
			.addProperty("scope", new StringSchema().description(
					"Space-separated: some of predictions:read, predictions:write, jobs:write"))
			.addProperty("client_id", new StringSchema().description("Only with client_secret_post"))
			.addProperty("client_secret", new StringSchema().description("Only with client_secret_post"))
			.required(List.of("grant_type"));
	}

	private static Schema<?> tokenAnswer() {
		return new ObjectSchema().description("RFC 6749 §5.1")
			.addProperty("access_token", new StringSchema().description("A JWT; send it as `Authorization: Bearer …`"))
			.addProperty("token_type", new StringSchema()._enum(List.of("Bearer")))
			.addProperty("expires_in", new IntegerSchema().description("Seconds"))
			.addProperty("scope", new StringSchema().description("The granted scopes, space-separated"))
			.required(List.of("access_token", "token_type", "expires_in"));
	}

	private static Schema<?> oauthError() {
		return new ObjectSchema().description("RFC 6749 §5.2")
			.addProperty("error", new StringSchema())
			.addProperty("error_description", new StringSchema())
			.required(List.of("error"));
	}
}
