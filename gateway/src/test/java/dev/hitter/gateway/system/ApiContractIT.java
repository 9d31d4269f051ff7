package dev.hitter.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.jayway.jsonpath.JsonPath;

/**
 * The API contract as a partner's engineer meets it (docs/api-contract.md): every service's OpenAPI document, fetched
 * through the gateway of a running system ({@link RunningSystem}, shared), names that gateway as its server and the
 * partner token endpoint below it, and Redocly CLI's recommended rules find no error in it. Swagger UI at the gateway
 * lists the three documents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningSystem.Extension.class)
@Order(2)
class ApiContractIT {

	private static final List<String> SERVICES = List.of("auth", "community", "prediction");

	/** How long one lint of the three documents may take on a busy machine (it takes a few seconds). */
	private static final Duration LINT_LIMIT = Duration.ofMinutes(3);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final RunningSystem system;

	ApiContractIT(RunningSystem system) {
		this.system = system;
	}

	@Test
	void everyServicesDocumentAsServedThroughTheGatewayPassesRedoclysRecommendedRules() throws Exception {
		Path root = Path.of(System.getProperty("hitter.root", "..")).toAbsolutePath().normalize();
		Path folder = Path.of("target/openapi").toAbsolutePath();
		Files.createDirectories(folder);
		List<String> command = new ArrayList<>(List.of(System.getProperty("hitter.node", "node"),
				root.resolve("frontend/node_modules/@redocly/cli/bin/cli.js").toString(), "lint", "--config",
				root.resolve("gateway/src/test/resources/redocly.yaml").toString(), "--format", "stylish"));
		for (String service : SERVICES) {
			HttpResponse<String> document = get("/v3/api-docs/" + service);
			assertThat(document.statusCode()).as(service).isEqualTo(200);
			String json = document.body();
			// The document points at the gateway a client reaches (HITTER_PUBLIC_URL), never at a service's own port.
			assertThat(JsonPath.<List<String>>read(json, "$.servers[*].url")).as(service)
				.containsExactly(system.gateway());
			assertThat(JsonPath.<String>read(json,
					"$.components.securitySchemes.partner.flows.clientCredentials.tokenUrl"))
				.as(service)
				.isEqualTo(system.gateway() + "/api/v1/auth/oauth2/token");
			assertThat(JsonPath.<Map<String, Object>>read(json, "$.paths").keySet()).as(service)
				.isNotEmpty()
				.noneMatch(path -> path.startsWith("/internal/"));
			Path file = folder.resolve(service + ".json");
			Files.writeString(file, json);
			command.add(file.toString());
		}
		assertThat(root.resolve("frontend/node_modules/@redocly/cli/bin/cli.js"))
			.as("Redocly CLI, frontend's devDependency (npm ci in frontend)")
			.exists();

		Path output = folder.resolve("lint.txt");
		ProcessBuilder lint = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		lint.environment().put("REDOCLY_TELEMETRY", "off");
		lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
		lint.environment().put("NO_COLOR", "1");
		Process process = lint.start();
		boolean ended = process.waitFor(LINT_LIMIT.toSeconds(), TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly();
		}
		String report = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(ended).as("redocly lint ended within %s:%n%s", LINT_LIMIT, report).isTrue();
		assertThat(process.exitValue()).as("redocly lint of %s found errors:%n%s", SERVICES, report).isZero();
	}

	@Test
	void swaggerUiAtTheGatewayListsTheThreeDocuments() throws Exception {
		HttpResponse<String> page = get("/swagger-ui/index.html");
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> config = get("/v3/api-docs/gateway/swagger-config");
		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(config.body(), "$.urls[*].url")).containsExactlyInAnyOrder(
				"/v3/api-docs/auth", "/v3/api-docs/community", "/v3/api-docs/prediction");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(system.gateway() + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
