package dev.hitter.auth.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.hitter.auth.AuthProblems;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OAuth2 token endpoint for services (client credentials grant, RFC 6749 §4.4, client authentication by HTTP
 * Basic). Internal: the gateway routes no {@code /internal} path. Errors are problem+json with the OAuth2
 * {@code error} code beside the problem type, so a standard OAuth2 client understands them too.
 */
@RestController
@Tag(name = "Service credentials", description = "Internal: service tokens for service-to-service calls")
@SecurityScheme(name = ServiceTokenController.CLIENT_BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
		description = "client id (the service's name) and client secret")
class ServiceTokenController {

	static final String CLIENT_BASIC = "client-basic";

	static final String PATH = "/internal/v1/oauth2/token";

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private final ServiceClients clients;

	private final ServiceTokenIssuer issuer;

	ServiceTokenController(ServiceClients clients, ServiceTokenIssuer issuer) {
		this.clients = clients;
		this.issuer = issuer;
	}

	/** The token response of RFC 6749 §5.1. */
	record TokenResponse(@JsonProperty("access_token") String accessToken,
			@JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
	}

	@Operation(summary = "Issue a service token (internal)",
			description = "OAuth2 client credentials: form `grant_type=client_credentials`, the service's client id "
					+ "and secret by HTTP Basic. Answers a short-lived RS256 JWT for the audience `hitter-internal` "
					+ "(subject `service:<client id>`, role SERVICE), accepted only on other services' `/internal` "
					+ "paths.")
	@SecurityRequirement(name = CLIENT_BASIC)
	@ApiResponse(responseCode = "200", description = "The service token",
			headers = @Header(name = HttpHeaders.CACHE_CONTROL, description = "no-store"))
	@ApiResponse(responseCode = "400",
			description = "unsupported-grant-type (OAuth2 `unsupported_grant_type`): grant_type is not client_credentials",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "401",
			description = "invalid-client (OAuth2 `invalid_client`): no, unknown or wrong client credentials",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> token(@RequestParam(name = "grant_type", required = false) String grantType,
			HttpServletRequest request) {
		Optional<String> client = basicCredentials(request.getHeader(HttpHeaders.AUTHORIZATION))
			.flatMap(idAndSecret -> clients.authenticate(idAndSecret[0], idAndSecret[1]));
		if (client.isEmpty()) {
			ProblemDetail problem = Problems.of(AuthProblems.INVALID_CLIENT,
					"Client authentication failed: send the service's client id and secret by HTTP Basic.", PATH,
					java.util.List.of(), Map.of("error", "invalid_client"));
			return ResponseEntity.status(problem.getStatus())
				.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"hitter-internal\"")
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		if (!"client_credentials".equals(grantType)) {
			ProblemDetail problem = Problems.of(AuthProblems.UNSUPPORTED_GRANT_TYPE,
					"Only grant_type=client_credentials is supported here.", PATH,
					java.util.List.of(new FieldProblem("grant_type", "must be client_credentials")),
					Map.of("error", "unsupported_grant_type"));
			return ResponseEntity.status(problem.getStatus())
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		ServiceTokenIssuer.IssuedServiceToken token = issuer.issue(client.get());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.body(new TokenResponse(token.value(), "Bearer", token.expiresInSeconds()));
	}

	// RFC 6749 §2.3.1: the id and secret are form-encoded before they are put into the Basic credentials.
	private static Optional<String[]> basicCredentials(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon <= 0) {
				return Optional.empty();
			}
			return Optional.of(new String[] { urlDecode(decoded.substring(0, colon)), urlDecode(decoded.substring(colon + 1)) });
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}

	private static String urlDecode(String text) {
		return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
	}
}
