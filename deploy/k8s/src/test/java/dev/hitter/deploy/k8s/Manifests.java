package dev.hitter.deploy.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the Kustomize overlays with {@code kubectl kustomize} and reads the result into fabric8's Kubernetes
 * models in strict mode: a misspelled or mistyped field fails instead of landing in {@code additionalProperties}.
 */
final class Manifests {

	/** The module's folder (surefire's working directory): base/ and overlays/ are under it. */
	static final Path ROOT = Path.of("").toAbsolutePath();

	static final List<String> OVERLAYS = List.of("overlays/local", "overlays/production");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final KubernetesSerialization STRICT = new KubernetesSerialization(JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.annotationIntrospector(new StrictModelIntrospector())
		.build(), true);

	private Manifests() {
	}

	/** One rendered object: its raw tree (for the rule checks) and its strictly typed model. */
	record Rendered(Map<String, Object> raw, HasMetadata model) {

		String kind() {
			return (String) raw.get("kind");
		}

		String name() {
			return model.getMetadata().getName();
		}

		@Override
		public String toString() {
			return kind() + "/" + name();
		}
	}

	/** {@code kubectl kustomize <folder>}: the rendered YAML. Fails (never skips) when kubectl is missing. */
	static String kustomize(Path folder) throws IOException, InterruptedException {
		Path kubectl = findKubectl();
		checkVersion(kubectl);
		return run(kubectl.toString(), "kustomize", folder.toString());
	}

	private static volatile boolean versionChecked;

	/**
	 * The manifests use Kustomize 4.1+ fields ({@code labels}); kubectl 1.27+ has Kustomize 5. An older kubectl
	 * (Debian 12's kubernetes-client is 1.20) would fail with a puzzling message, so say it plainly.
	 */
	private static void checkVersion(Path kubectl) throws IOException, InterruptedException {
		if (versionChecked) {
			return;
		}
		String json = run(kubectl.toString(), "version", "--client", "-o", "json");
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"kustomizeVersion\":\\s*\"v(\\d+)").matcher(json);
		if (!m.find() || Integer.parseInt(m.group(1)) < 5) {
			throw new AssertionError(kubectl + " has no Kustomize 5 (kubectl 1.27 or newer is needed): " + json);
		}
		versionChecked = true;
	}

	private static String run(String... command) throws IOException, InterruptedException {
		String folder = String.join(" ", command);
		// stderr to a file: read one pipe after the other, a full stderr pipe would block the process.
		Path errors = Files.createTempFile("kubectl", ".err");
		try {
			Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
			byte[] out;
			try (InputStream stdout = process.getInputStream()) {
				out = stdout.readAllBytes();
			}
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(folder + " did not finish in 60 s");
			}
			if (process.exitValue() != 0) {
				throw new AssertionError(folder + " failed (" + process.exitValue() + "):\n" + Files.readString(errors));
			}
			return new String(out, StandardCharsets.UTF_8);
		}
		finally {
			Files.deleteIfExists(errors);
		}
	}

	static Path findKubectl() {
		// KUBECTL names a kubectl of one's choice (another version); otherwise the one on the PATH.
		String chosen = System.getenv("KUBECTL");
		if (chosen != null && !chosen.isBlank()) {
			if (!Files.isExecutable(Path.of(chosen))) {
				throw new AssertionError("KUBECTL=" + chosen + " is no executable kubectl: the Kubernetes manifests "
						+ "cannot be rendered. Unset it to use the kubectl on the PATH.");
			}
			return Path.of(chosen);
		}
		String path = System.getenv().getOrDefault("PATH", "");
		for (String dir : path.split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, "kubectl");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		throw new AssertionError("kubectl is not on the PATH (" + path + "): the Kubernetes manifests cannot be "
				+ "rendered. Install kubectl (v1.27 or newer, it contains Kustomize), e.g. apt-get install kubectl "
				+ "from the Kubernetes apt repository; docs/operations.md \"Checking the manifests\".");
	}

	/** Every YAML document of a text, as plain maps (null documents dropped). */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> documents(String yaml) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml(options).loadAll(yaml)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	/** Renders a folder and reads every object strictly. */
	static List<Rendered> render(String folder) throws IOException, InterruptedException {
		return parseStrictly(kustomize(ROOT.resolve(folder)));
	}

	static List<Rendered> parseStrictly(String yaml) {
		List<Rendered> objects = new ArrayList<>();
		for (Map<String, Object> raw : documents(yaml)) {
			objects.add(new Rendered(raw, strict(raw)));
		}
		return objects;
	}

	/** The object as its Kubernetes model; unknown kinds, unknown fields and wrong types fail. */
	static HasMetadata strict(Map<String, Object> raw) {
		String apiVersion = (String) raw.get("apiVersion");
		String kind = (String) raw.get("kind");
		Class<? extends KubernetesResource> type = STRICT.getRegisteredKubernetesResource(apiVersion, kind);
		if (type == null) {
			throw new AssertionError("No Kubernetes model for apiVersion " + apiVersion + ", kind " + kind);
		}
		String json = JSON.writeValueAsString(raw);
		try {
			return (HasMetadata) STRICT.unmarshal(json, type);
		}
		catch (RuntimeException ex) {
			// fabric8 wraps Jackson's error ("An error has occurred."): the cause names the field.
			StringBuilder reasons = new StringBuilder();
			for (Throwable t = ex; t != null; t = t.getCause()) {
				reasons.append("\n  ").append(t.getMessage());
			}
			throw new AssertionError(kind + " " + nameOf(raw) + " does not match the Kubernetes model:" + reasons, ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Object nameOf(Map<String, Object> raw) {
		Object metadata = raw.get("metadata");
		return metadata instanceof Map ? ((Map<String, Object>) metadata).get("name") : null;
	}

	/**
	 * fabric8's model classes keep whatever they do not know in {@code additionalProperties} (an any-setter) and
	 * some ignore unknown properties: both are turned off for the model packages, so Jackson's
	 * FAIL_ON_UNKNOWN_PROPERTIES applies to them.
	 */
	private static final class StrictModelIntrospector extends JacksonAnnotationIntrospector {

		private static final long serialVersionUID = 1L;

		private static boolean isModel(Annotated annotated) {
			Class<?> raw = annotated instanceof AnnotatedClass ac ? ac.getRawType()
					: annotated.getRawType();
			String name = annotated instanceof tools.jackson.databind.introspect.AnnotatedMember member
					? member.getDeclaringClass().getName() : raw.getName();
			return name.startsWith("io.fabric8.kubernetes.api.model");
		}

		@Override
		public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
			if (isModel(annotated)) {
				return Boolean.FALSE;
			}
			return super.hasAnySetter(config, annotated);
		}

		@Override
		public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
			JsonIgnoreProperties.Value value = super.findPropertyIgnoralByName(config, annotated);
			return isModel(annotated) && value != null ? value.withoutIgnoreUnknown() : value;
		}
	}
}
