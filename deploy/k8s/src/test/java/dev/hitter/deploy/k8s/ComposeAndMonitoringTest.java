package dev.hitter.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Compose file, the Prometheus alerting rules and the Grafana dashboard (docs/operations.md). */
class ComposeAndMonitoringTest {

	private static final Path COMPOSE = Manifests.ROOT.resolveSibling("compose").resolve("compose.yaml");

	private static final Path MONITORING = Manifests.ROOT.resolve("base/monitoring");

	private static final Path REPOSITORY = Manifests.ROOT.getParent().getParent();

	/**
	 * Metrics the rules and the dashboard use that no service exports yet: named for the observability work of
	 * issue 16 (or exported by cluster components: cert-manager, kube-state-metrics). Everything else named
	 * hitter_* must be a Micrometer meter in the sources.
	 */
	private static final Set<String> PLANNED_OR_EXTERNAL = Set.of();

	@Test
	@SuppressWarnings("unchecked")
	void theComposeFileParsesAndRunsMySql8AndTheFourImagesWithoutSecretValues() throws IOException {
		List<Map<String, Object>> documents = Manifests.documents(Files.readString(COMPOSE));
		assertThat(documents).hasSize(1);
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) documents.get(0).get("services");
		assertThat(services).containsOnlyKeys("mysql", "gateway", "auth-service", "community-service", "prediction-service");
		assertThat((String) services.get("mysql").get("image")).startsWith("mysql:8");
		for (String name : KubernetesManifestsTest.IMAGES) {
			String service = name.substring("hitter/".length());
			assertThat((String) services.get(service).get("image")).as(service).startsWith(name + ":");
			assertThat(services.get(service)).as(service + ": secrets from a gitignored env file").containsKey("env_file");
		}
		for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
			Object environment = service.getValue().get("environment");
			if (environment instanceof Map<?, ?> env) {
				assertThat(env.keySet()).as(service.getKey() + ": no password or secret in the file")
					.noneMatch(k -> k.toString().matches(".*(PASSWORD|SECRET|_KEY|PEPPER).*"));
			}
		}
		assertThat(Files.readString(COMPOSE)).as("the file says it is untested").contains("UNTESTED");
		assertThat(Files.readString(COMPOSE.resolveSibling(".gitignore"))).contains("secrets/");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyAlertHasAnExpressionADurationASeverityAndAnnotations() throws IOException {
		List<Map<String, Object>> documents = Manifests.documents(Files.readString(MONITORING.resolve("hitter-alerts.yaml")));
		assertThat(documents).hasSize(1);
		List<Map<String, Object>> groups = (List<Map<String, Object>>) documents.get(0).get("groups");
		assertThat(groups).isNotEmpty();
		List<String> alerts = new ArrayList<>();
		for (Map<String, Object> group : groups) {
			assertThat(group).containsKeys("name", "rules");
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				String alert = (String) rule.get("alert");
				assertThat(alert).as("every rule is an alert with a name").isNotBlank();
				assertThat(rule).as(alert).containsKeys("expr", "for", "labels", "annotations");
				assertThat(rule.keySet()).as(alert + ": no unknown keys")
					.isSubsetOf("alert", "expr", "for", "keep_firing_for", "labels", "annotations");
				assertThat(rule.get("expr").toString()).as(alert).isNotBlank();
				assertThat(rule.get("for").toString()).as(alert + " for").matches("\\d+[smhd]");
				assertThat(((Map<String, Object>) rule.get("labels")).get("severity")).as(alert + " severity")
					.isIn("critical", "warning", "info");
				assertThat((Map<String, Object>) rule.get("annotations")).as(alert).containsKeys("summary", "description");
				alerts.add(alert);
			}
		}
		assertThat(alerts).doesNotHaveDuplicates()
			.contains("HitterServiceDown", "HitterHighErrorRate", "HitterHighLatency", "HitterBatchQueueGrowing",
					"HitterSigningKeyNotRotated", "HitterCertificateExpiring");
	}

	@Test
	void theDashboardShowsRequestsLatenciesStagesModelVersionsAndTheQueue() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(MONITORING.resolve("hitter-dashboard.json").toFile());
		assertThat(dashboard.get("title").asString()).isEqualTo("HITTER");
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : dashboard.get("panels")) {
			assertThat(panel.get("targets").isEmpty()).as(panel.get("title").asString()).isFalse();
			for (JsonNode target : panel.get("targets")) {
				expressions.add(target.get("expr").asString());
			}
		}
		assertThat(String.join("\n", expressions)).contains("http_server_requests_seconds_count",
				"http_server_requests_seconds_bucket", "hitter_analysis_stage_seconds", "hitter_models_version_info",
				"hitter_jobs_items{state=\"queued\"}");
	}

	@Test
	void everyHitterMetricTheRulesAndTheDashboardUseIsExportedByAServiceOrKnownAsPlanned() throws IOException {
		String used = Files.readString(MONITORING.resolve("hitter-alerts.yaml"))
				+ Files.readString(MONITORING.resolve("hitter-dashboard.json"))
				+ Files.readString(Manifests.ROOT.resolve("base/prediction-hpa.yaml"));
		Set<String> metrics = new TreeSet<>();
		Matcher m = Pattern.compile("\\bhitter_[a-z_]+").matcher(used);
		while (m.find()) {
			// A timer's series (_bucket, _count, _sum, _max) belong to its base name.
			metrics.add(m.group().replaceFirst("_(bucket|count|sum|max)$", ""));
		}
		assertThat(metrics).contains("hitter_jobs_items", "hitter_jobs_items_finished_total");
		String sources = serviceSources();
		for (String metric : metrics) {
			if (PLANNED_OR_EXTERNAL.contains(metric) || metric.equals("hitter_jobs_items_queued")) {
				continue; // the last: the adapter's name for hitter_jobs_items{state="queued"} (docs/operations.md)
			}
			String meter = metric.replaceFirst("_(total|seconds)$", "").replace('_', '.');
			assertThat(sources.contains("\"" + meter + "\"")).as(metric + " is a Micrometer meter \"" + meter
					+ "\" in some service, or listed as planned").isTrue();
		}
	}

	/** The main sources and configuration files of the four services (and the kit). */
	static synchronized String serviceSources() throws IOException {
		if (sources == null) {
			sources = readServiceSources();
		}
		return sources;
	}

	private static String sources;

	private static String readServiceSources() throws IOException {
		StringBuilder all = new StringBuilder();
		for (String module : List.of("gateway", "auth-service", "community-service", "prediction-service")) {
			Files.walkFileTree(REPOSITORY.resolve(module), new java.nio.file.SimpleFileVisitor<>() {

				@Override
				public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
					// Build output, node modules and models hold nothing of ours and are large.
					String name = dir.getFileName().toString();
					return name.equals("target") || name.equals("node_modules") || name.equals("default-models")
							? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
				}

				@Override
				public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
						throws IOException {
					String path = file.toString();
					if (path.contains("/src/main/") && path.matches(".*\\.(java|yml|yaml|properties)$")) {
						all.append(Files.readString(file)).append('\n');
					}
					return java.nio.file.FileVisitResult.CONTINUE;
				}
			});
		}
		return all.toString();
	}
}
