package dev.hitter.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every overlay renders, every object matches the Kubernetes models strictly, and the operating rules hold:
 * probes, resources, non-root, network policies, no secret values in the repository (docs/operations.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsTest {

	static final List<String> FOLDERS = List.of("base", "overlays/local", "overlays/production");

	static final List<String> IMAGES = List.of("hitter/gateway", "hitter/auth-service", "hitter/community-service",
			"hitter/prediction-service");

	private final Map<String, List<Manifests.Rendered>> rendered = new java.util.LinkedHashMap<>();

	@BeforeAll
	void render() throws Exception {
		for (String folder : FOLDERS) {
			rendered.put(folder, Manifests.render(folder));
		}
	}

	@ParameterizedTest
	@FieldSource("FOLDERS")
	void everyFolderRendersToObjectsTheStrictModelsAccept(String folder) {
		// render() already read every object strictly; here: the expected workloads are there.
		assertThat(workloads(folder)).extracting(w -> w.getMetadata().getName())
			.contains("gateway", "auth-service", "community-service", "prediction-service");
		assertThat(of(folder, "Service")).isNotEmpty();
	}

	@ParameterizedTest
	@FieldSource("FOLDERS")
	void everyContainerHasTheThreeProbesRequestsAndLimitsAndRunsAsNonRootReadOnlyWithoutCapabilities(String folder) {
		List<String> checked = new ArrayList<>();
		for (Workload w : workloads(folder)) {
			PodTemplateSpec template = w.template();
			PodSecurityContext pod = template.getSpec().getSecurityContext();
			for (Container c : template.getSpec().getContainers()) {
				String where = folder + ": " + w.kind() + "/" + w.getMetadata().getName() + " container " + c.getName();
				assertThat(c.getStartupProbe()).as(where + " startupProbe").isNotNull();
				assertThat(c.getLivenessProbe()).as(where + " livenessProbe").isNotNull();
				assertThat(c.getReadinessProbe()).as(where + " readinessProbe").isNotNull();
				assertThat(c.getResources()).as(where + " resources").isNotNull();
				assertThat(c.getResources().getRequests()).as(where + " requests").containsKeys("cpu", "memory");
				assertThat(c.getResources().getLimits()).as(where + " limits").containsKeys("cpu", "memory");
				SecurityContext sc = c.getSecurityContext();
				assertThat(sc).as(where + " securityContext").isNotNull();
				Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
						: pod == null ? null : pod.getRunAsNonRoot();
				assertThat(nonRoot).as(where + " runAsNonRoot").isTrue();
				Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : pod == null ? null : pod.getRunAsUser();
				assertThat(uid).as(where + " runAsUser").isNotNull().isNotZero();
				assertThat(sc.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
				assertThat(sc.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
				assertThat(sc.getCapabilities()).as(where + " capabilities").isNotNull();
				assertThat(sc.getCapabilities().getDrop()).as(where + " capabilities.drop").contains("ALL");
				assertThat(sc.getCapabilities().getAdd()).as(where + " capabilities.add").isNullOrEmpty();
				if (w.kind().equals("Deployment")) {
					// A read-only root needs somewhere to write: the JVM's and Tomcat's temporary files.
					assertThat(c.getVolumeMounts()).as(where + " a writable /tmp")
						.anyMatch(m -> m.getMountPath().equals("/tmp") && template.getSpec().getVolumes().stream()
							.anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
				}
				checked.add(c.getName());
			}
			assertThat(template.getSpec().getAutomountServiceAccountToken()).as(w.getMetadata().getName()
					+ " automountServiceAccountToken").isFalse();
		}
		assertThat(checked).hasSizeGreaterThanOrEqualTo(4);
	}

	/**
	 * The heap ./hitter run gives each service (its java_opts): the images size the heap at 75 % of the container's
	 * memory limit (MaxRAMPercentage, the root pom's Jib flags), so a limit below heap / 0.75 would make a pod fail
	 * where the local run works (docs/operations.md "Resources").
	 */
	static final Map<String, Long> LOCAL_HEAP_MB = Map.of("gateway", 320L, "auth-service", 320L, "community-service",
			320L, "prediction-service", 1024L);

	@ParameterizedTest
	@FieldSource("FOLDERS")
	void everyServiceRequestsNoMoreThanItsLimitAndItsLimitHoldsTheLocalRunsHeap(String folder) {
		List<String> checked = new ArrayList<>();
		for (Workload w : workloads(folder)) {
			Long heapMb = LOCAL_HEAP_MB.get(w.getMetadata().getName());
			if (heapMb == null) {
				continue;
			}
			Container c = w.template().getSpec().getContainers().get(0);
			Map<String, Quantity> requests = c.getResources().getRequests();
			Map<String, Quantity> limits = c.getResources().getLimits();
			String where = folder + ": " + w.getMetadata().getName();
			for (String resource : List.of("cpu", "memory")) {
				assertThat(Quantity.getAmountInBytes(requests.get(resource)))
					.as(where + " " + resource + " request <= limit")
					.isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get(resource)));
			}
			BigDecimal heap = Quantity.getAmountInBytes(limits.get("memory")).multiply(new BigDecimal("0.75"));
			assertThat(heap).as(where + ": 75 % of the memory limit holds the local run's heap of " + heapMb + " MB")
				.isGreaterThanOrEqualTo(BigDecimal.valueOf(heapMb << 20));
			checked.add(w.getMetadata().getName());
		}
		assertThat(checked).containsExactlyInAnyOrderElementsOf(LOCAL_HEAP_MB.keySet());
	}

	@ParameterizedTest
	@FieldSource("FOLDERS")
	void everyWorkloadHasADisruptionBudgetAndANetworkPolicyBesideTheDefaultDeny(String folder) {
		List<NetworkPolicy> policies = of(folder, "NetworkPolicy").stream().map(r -> (NetworkPolicy) r.model()).toList();
		assertThat(policies).as(folder + ": a default-deny policy for every pod, ingress and egress")
			.anySatisfy(p -> {
				assertThat(isEmpty(p.getSpec().getPodSelector())).isTrue();
				assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
				assertThat(p.getSpec().getIngress()).isNullOrEmpty();
				assertThat(p.getSpec().getEgress()).isNullOrEmpty();
			});
		assertThat(policies).as(folder + ": DNS egress for every pod").anySatisfy(p -> {
			assertThat(isEmpty(p.getSpec().getPodSelector())).isTrue();
			assertThat(p.getSpec().getEgress()).isNotEmpty();
			assertThat(p.getSpec().getEgress().get(0).getPorts()).anySatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(53));
		});
		List<PodDisruptionBudget> budgets = of(folder, "PodDisruptionBudget").stream()
			.map(r -> (PodDisruptionBudget) r.model()).toList();
		for (Workload w : workloads(folder)) {
			Map<String, String> labels = w.template().getMetadata().getLabels();
			assertThat(policies).as(folder + ": a NetworkPolicy that selects " + w.getMetadata().getName())
				.anyMatch(p -> !isEmpty(p.getSpec().getPodSelector()) && selects(p.getSpec().getPodSelector(), labels)
						&& p.getSpec().getPolicyTypes().contains("Ingress"));
			assertThat(budgets).as(folder + ": a PodDisruptionBudget for " + w.getMetadata().getName())
				.anyMatch(b -> selects(b.getSpec().getSelector(), labels));
		}
	}

	@ParameterizedTest
	@FieldSource("FOLDERS")
	void noSecretObjectCarriesValues(String folder) {
		for (Manifests.Rendered r : of(folder, "Secret")) {
			assertThat(r.raw()).as(folder + ": " + r + " must not carry values in the repository")
				.doesNotContainKeys("data", "stringData");
		}
	}

	@Test
	void noFileInTheRepositoryDefinesASecretWithValuesOrASecretGeneratorWithLiterals() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Stream.concat(Files.walk(Manifests.ROOT.resolve("base")),
				Stream.concat(Files.walk(Manifests.ROOT.resolve("overlays")),
						Files.walk(Manifests.ROOT.resolveSibling("compose"))))) {
			files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
		}
		assertThat(files).hasSizeGreaterThan(5);
		for (Path file : files) {
			for (Map<String, Object> doc : Manifests.documents(Files.readString(file))) {
				if ("Secret".equals(doc.get("kind"))) {
					assertThat(doc).as(file + ": a Secret with values").doesNotContainKeys("data", "stringData");
				}
				Object generators = doc.get("secretGenerator");
				if (generators instanceof List<?> list) {
					for (Object g : list) {
						assertThat(((Map<?, ?>) g).containsKey("literals")).as(file + ": secretGenerator with literals").isFalse();
					}
				}
			}
		}
	}

	@ParameterizedTest
	@FieldSource("FOLDERS")
	void theImagesAreTheOnesJibBuildsAndTheOverlaysPinATag(String folder) {
		for (Workload w : workloads(folder)) {
			if (!w.kind().equals("Deployment")) {
				continue;
			}
			String image = w.template().getSpec().getContainers().get(0).getImage();
			String expected = "hitter/" + w.getMetadata().getName();
			assertThat(IMAGES).contains(expected);
			assertThat(image).as(folder + ": " + w.getMetadata().getName()).matches("([^/]+/)?" + expected + ":[^:/]+");
			if (folder.startsWith("overlays/")) {
				assertThat(image).as(folder + ": a pinned tag").doesNotEndWith(":latest");
			}
		}
	}

	@ParameterizedTest
	@FieldSource("FOLDERS")
	void thePredictionServiceScalesOnCpuAndTheClusterWideQueueAndSharesOneModelVolume(String folder) {
		HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) single(folder, "HorizontalPodAutoscaler").model();
		assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("prediction-service");
		assertThat(hpa.getSpec().getMetrics()).extracting(MetricSpec::getType).containsExactlyInAnyOrder("Resource", "External");
		assertThat(hpa.getSpec().getMetrics()).filteredOn(m -> m.getType().equals("External"))
			.singleElement()
			.satisfies(m -> assertThat(m.getExternal().getMetric().getName()).isEqualTo("hitter_jobs_items_queued"));
		PersistentVolumeClaim models = (PersistentVolumeClaim) single(folder, "PersistentVolumeClaim").model();
		assertThat(models.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
		Deployment prediction = (Deployment) workloads(folder).stream()
			.filter(w -> w.getMetadata().getName().equals("prediction-service")).findFirst().orElseThrow().resource();
		assertThat(prediction.getSpec().getTemplate().getSpec().getVolumes())
			.anyMatch(v -> v.getPersistentVolumeClaim() != null
					&& v.getPersistentVolumeClaim().getClaimName().equals(models.getMetadata().getName()));
		assertThat(prediction.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
			.anySatisfy(e -> {
				assertThat(e.getName()).isEqualTo("HITTER_MODELS_DIR");
				assertThat(e.getValue()).isEqualTo("/models");
			});
	}

	@Test
	void localRunsMySqlInTheClusterAndProductionUsesAnExternalOne() {
		assertThat(of("overlays/local", "StatefulSet")).extracting(Manifests.Rendered::name).containsExactly("mysql");
		assertThat(of("overlays/production", "StatefulSet")).isEmpty();
		Manifests.Rendered mysql = of("overlays/production", "Service").stream()
			.filter(r -> r.name().equals("mysql")).findFirst().orElseThrow();
		assertThat(((io.fabric8.kubernetes.api.model.Service) mysql.model()).getSpec().getType()).isEqualTo("ExternalName");
		for (String overlay : List.of("overlays/local", "overlays/production")) {
			assertThat(of(overlay, "Namespace")).extracting(Manifests.Rendered::name).containsExactly("hitter");
			assertThat(rendered.get(overlay)).filteredOn(r -> !r.kind().equals("Namespace"))
				.allSatisfy(r -> assertThat(r.model().getMetadata().getNamespace()).as(r.toString()).isEqualTo("hitter"));
		}
	}

	@ParameterizedTest
	@FieldSource("FOLDERS")
	void everySettingGivenToAServiceIsOneTheServicesReadAndEverySecretIsDocumented(String folder) throws IOException {
		String settings = ComposeAndMonitoringTest.serviceSources();
		String operations = Files.readString(Manifests.ROOT.getParent().getParent().resolve("docs/operations.md"));
		List<String> names = new ArrayList<>();
		for (Manifests.Rendered r : of(folder, "ConfigMap")) {
			if (r.model() instanceof io.fabric8.kubernetes.api.model.ConfigMap cm && cm.getMetadata().getName().startsWith("hitter-config")) {
				names.addAll(cm.getData().keySet());
			}
		}
		assertThat(names).as(folder + ": hitter-config").contains("HITTER_DB_URL", "HITTER_AUTH_URL");
		for (Workload w : workloads(folder)) {
			for (Container c : w.template().getSpec().getContainers()) {
				for (io.fabric8.kubernetes.api.model.EnvVar env : c.getEnv()) {
					if (w.kind().equals("Deployment")) {
						names.add(env.getName());
					}
					if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
						String secret = env.getValueFrom().getSecretKeyRef().getName();
						assertThat(operations).as(folder + ": Secret " + secret + " is in docs/operations.md").contains("`" + secret + "`");
					}
				}
			}
		}
		for (String name : names) {
			if (name.startsWith("HITTER_")) {
				assertThat(java.util.regex.Pattern.compile("\\b" + name + "\\b").matcher(settings).find())
					.as(folder + ": " + name + " is read by a service (misspelled?)").isTrue();
			}
		}
	}

	@Test
	void aMisspelledFieldIsRejected() throws Exception {
		String local = Manifests.kustomize(Manifests.ROOT.resolve("overlays/local"));
		assertThat(Manifests.parseStrictly(local)).isNotEmpty();
		// One letter off in a container of a Deployment, deep in the tree.
		String misspelled = local.replaceFirst("readinessProbe:", "readinesProbe:");
		assertThat(misspelled).isNotEqualTo(local);
		assertThatThrownBy(() -> Manifests.parseStrictly(misspelled)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("readinesProbe");
		// A misspelled top-level spec field, and a wrong type.
		String replica = local.replaceFirst("(?m)^  replicas: 1$", "  replica: 1");
		assertThat(replica).isNotEqualTo(local);
		assertThatThrownBy(() -> Manifests.parseStrictly(replica)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("replica");
		String mistyped = local.replaceFirst("(?m)^  replicas: 1$", "  replicas: [1]");
		assertThatThrownBy(() -> Manifests.parseStrictly(mistyped)).isInstanceOf(AssertionError.class);
		// An unknown kind.
		String unknownKind = local.replaceFirst("kind: HorizontalPodAutoscaler", "kind: HorizontalPodAutoScaler");
		assertThatThrownBy(() -> Manifests.parseStrictly(unknownKind)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("HorizontalPodAutoScaler");
	}

	// ---- helpers

	/** A Deployment or a StatefulSet, for the checks that apply to both. */
	record Workload(String kind, io.fabric8.kubernetes.api.model.HasMetadata resource, PodTemplateSpec template) {

		io.fabric8.kubernetes.api.model.ObjectMeta getMetadata() {
			return resource.getMetadata();
		}
	}

	private List<Workload> workloads(String folder) {
		List<Workload> workloads = new ArrayList<>();
		for (Manifests.Rendered r : rendered.get(folder)) {
			if (r.model() instanceof Deployment d) {
				workloads.add(new Workload("Deployment", d, d.getSpec().getTemplate()));
			}
			else if (r.model() instanceof StatefulSet s) {
				workloads.add(new Workload("StatefulSet", s, s.getSpec().getTemplate()));
			}
		}
		return workloads;
	}

	private List<Manifests.Rendered> of(String folder, String kind) {
		return rendered.get(folder).stream().filter(r -> kind.equals(r.kind())).toList();
	}

	private Manifests.Rendered single(String folder, String kind) {
		List<Manifests.Rendered> found = of(folder, kind);
		assertThat(found).as(folder + ": one " + kind).hasSize(1);
		return found.get(0);
	}

	private static boolean isEmpty(LabelSelector selector) {
		return selector == null || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
				&& (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()));
	}

	private static boolean selects(LabelSelector selector, Map<String, String> labels) {
		if (selector == null || selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
			return false; // not used here: a selector with expressions is not counted
		}
		return selector.getMatchLabels() != null && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
	}
}
