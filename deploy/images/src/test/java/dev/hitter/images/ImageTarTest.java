package dev.hitter.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the image tars {@code jib:buildTar} wrote in this build ({@code <module>/target/jib-image.tar}, docker-save
 * layout: {@code manifest.json}, the config, one gzip'ed tar per layer) and checks what a cluster relies on: a
 * non-root user, the entry point (container-aware JVM flags, the service's main class), the port, the environment,
 * and for the prediction image that its TensorFlow natives and default models are inside, each in a layer of its own.
 */
class ImageTarTest {

	private static final Path ROOT = Path.of(System.getProperty("hitter.root", "../.."));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String NATIVES = "opt/hitter/tensorflow-2.10.1/";

	private static final String MODELS = "opt/hitter/models/";

	@ParameterizedTest
	@CsvSource({ "gateway, dev.hitter.gateway.GatewayApplication, 8080",
			"auth-service/server, dev.hitter.auth.AuthApplication, 8081",
			"community-service, dev.hitter.community.CommunityApplication, 8082",
			"prediction-service/server, dev.hitter.prediction.PredictionApplication, 8083" })
	void everyServiceImageRunsAsItsNonRootUserWithContainerAwareJvmSettings(String module, String mainClass, int port)
			throws IOException {
		Image image = Image.read(ROOT.resolve(module).resolve("target/jib-image.tar"));
		JsonNode config = image.config().path("config");

		String user = config.path("User").asString();
		assertThat(user).isEqualTo("10001:10001");
		List<String> entrypoint = strings(config.path("Entrypoint"));
		assertThat(entrypoint.get(0)).isEqualTo("java");
		assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
				"-Djava.awt.headless=true");
		assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo(mainClass);
		assertThat(names(config.path("ExposedPorts"))).containsExactly(port + "/tcp");
		assertThat(environment(config)).containsEntry("JAVA_HOME", "/opt/java/openjdk")
			.containsEntry("HITTER_HOME", "/home/hitter");
		assertThat(config.path("Labels").path("org.opencontainers.image.version").asString()).isNotBlank();

		// The base's layers: the user the image runs as exists, owns its home, and the runtime is the jlink'ed one.
		Map<String, TarArchiveEntry> files = image.allFiles();
		assertThat(image.text("etc/passwd")).contains("hitter:x:10001:10001:");
		assertThat(files.get("home/hitter/").getLongUserId()).isEqualTo(10001);
		assertThat(files).containsKeys("opt/java/openjdk/bin/java", "opt/java/openjdk/lib/server/libjvm.so",
				"lib64/ld-linux-x86-64.so.2", "usr/share/zoneinfo/Etc/UTC");
		assertThat(image.text("opt/java/openjdk/release")).contains("java.desktop", "jdk.crypto.ec", "java.sql")
			.doesNotContain("jdk.compiler");
		// The application itself: its main class and its libraries where the entry point's class path says.
		assertThat(files).containsKey("app/classes/" + mainClass.replace('.', '/') + ".class");
		assertThat(files.keySet()).anyMatch(name -> name.startsWith("app/libs/spring-boot-"));
		assertThat(files.keySet()).noneMatch(name -> name.contains("local-database") || name.contains("greenmail"));
	}

	@Test
	void thePredictionImageCarriesItsTensorFlowNativesAndDefaultModelsInLayersOfTheirOwn() throws IOException {
		Image image = Image.read(ROOT.resolve("prediction-service/server/target/jib-image.tar"));
		Map<String, String> environment = environment(image.config().path("config"));
		assertThat(environment).containsEntry("TENSORFLOW_LIBRARY_PATH", "/" + NATIVES.replaceAll("/$", ""))
			.containsEntry("HITTER_MODELS_NATIVES", "/" + NATIVES.replaceAll("/$", ""))
			.containsEntry("DJL_OFFLINE", "true")
			.containsEntry("HITTER_MODELS_DIR", "/" + MODELS.replaceAll("/$", ""));
		// JavaCPP loads TensorFlow from the natives layer instead of unpacking its own copy into the home.
		assertThat(strings(image.config().path("config").path("Entrypoint"))).contains(
				"-Djava.library.path=/" + NATIVES.replaceAll("/$", ""), "-Dorg.bytedeco.javacpp.pathsFirst=true");

		List<Map<String, TarArchiveEntry>> layers = image.layers();
		Map<String, TarArchiveEntry> nativesLayer = layerWith(layers, NATIVES + "libtensorflow_cc.so.2");
		assertThat(regularFiles(nativesLayer)).containsOnlyKeys(NATIVES + "libtensorflow_cc.so.2",
				NATIVES + "libtensorflow_framework.so.2", NATIVES + "libjnitensorflow.so");
		// The sizes TensorFlowNatives checks before it would unpack them again (from TF Java's 0.5.0 jar).
		assertThat(nativesLayer.get(NATIVES + "libtensorflow_cc.so.2").getSize()).isGreaterThan(400_000_000L);

		Map<String, TarArchiveEntry> modelsLayer = layerWith(layers, MODELS + "README.md");
		assertThat(modelsLayer).isNotSameAs(nativesLayer);
		assertThat(regularFiles(modelsLayer).keySet()).allMatch(name -> name.startsWith(MODELS))
			.anyMatch(name -> name.matches(MODELS + "POP/v[0-9-]+/combination\\.json"))
			.anyMatch(name -> name.matches(MODELS + "BALLAD/v[0-9-]+/.+"))
			.anyMatch(name -> name.matches(MODELS + "DANCE/v[0-9-]+/.+"));
		// Every model file of the checkout is in the image, byte for byte the same size.
		Path defaultModels = ROOT.resolve("prediction-service/default-models");
		try (var walk = Files.walk(defaultModels)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				String name = MODELS + defaultModels.relativize(file).toString().replace('\\', '/');
				assertThat(modelsLayer).as(name).containsKey(name);
				assertThat(modelsLayer.get(name).getSize()).as(name).isEqualTo(Files.size(file));
			}
		}
	}

	@Test
	void theBaseImageIsBuiltByTheBuildAsADockerSaveTar() throws IOException {
		Image base = Image.read(Path.of(System.getProperty("hitter.image.base")));
		assertThat(base.layers()).hasSize(2);
		assertThat(base.config().path("rootfs").path("diff_ids")).hasSize(2);
		assertThat(base.config().path("config").path("Labels").path("dev.hitter.base.debian-packages").asString())
			.contains("libc6_", "libstdc++6_", "zlib1g_");
		// Fixed times: nothing of the machine or the moment it was built on.
		assertThat(base.allFiles().values()).allMatch(entry -> entry.getModTime().getTime() == 0L);
	}

	private static Map<String, TarArchiveEntry> layerWith(List<Map<String, TarArchiveEntry>> layers, String file) {
		List<Map<String, TarArchiveEntry>> with = layers.stream().filter(layer -> layer.containsKey(file)).toList();
		assertThat(with).as("layers holding " + file).hasSize(1);
		return with.get(0);
	}

	private static Map<String, TarArchiveEntry> regularFiles(Map<String, TarArchiveEntry> layer) {
		Map<String, TarArchiveEntry> files = new LinkedHashMap<>();
		layer.forEach((name, entry) -> {
			if (entry.isFile()) {
				files.put(name, entry);
			}
		});
		return files;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

	private static List<String> names(JsonNode object) {
		return new ArrayList<>(object.propertyNames());
	}

	private static Map<String, String> environment(JsonNode config) {
		Map<String, String> environment = new HashMap<>();
		for (String entry : strings(config.path("Env"))) {
			int equals = entry.indexOf('=');
			environment.put(entry.substring(0, equals), entry.substring(equals + 1));
		}
		return environment;
	}

	/** The small text files the checks read from the layers. */
	private static final Set<String> TEXTS = Set.of("etc/passwd", "opt/java/openjdk/release");

	/** Each tar is read once (the prediction image is over 400 MB of gzip'ed layers). */
	private static final Map<Path, Image> IMAGES = new ConcurrentHashMap<>();

	/**
	 * An image tar in the docker-save layout: its config, and each layer's entries by name (without a leading "./"
	 * or "/", directories ending in "/"), in the manifest's order.
	 */
	private record Image(JsonNode config, List<Map<String, TarArchiveEntry>> layers, Map<String, String> texts) {

		static Image read(Path tar) throws IOException {
			Path key = tar.toAbsolutePath().normalize();
			Image image = IMAGES.get(key);
			if (image == null) {
				image = load(key);
				IMAGES.put(key, image);
			}
			return image;
		}

		private static Image load(Path tar) throws IOException {
			assertThat(tar).as("image tar (built by jib:buildTar in package)").isRegularFile();
			Map<String, byte[]> json = new HashMap<>();
			Map<String, Map<String, TarArchiveEntry>> layers = new HashMap<>();
			Map<String, String> texts = new HashMap<>();
			try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
				for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null;) {
					String name = clean(entry.getName());
					if (name.endsWith(".json")) {
						json.put(name, in.readAllBytes());
					}
					else if (entry.isFile()) {
						layers.put(name, list(in, texts));
					}
				}
			}
			JsonNode manifest = JSON.readTree(json.get("manifest.json")).get(0);
			JsonNode config = JSON.readTree(json.get(clean(manifest.path("Config").asString())));
			List<Map<String, TarArchiveEntry>> ordered = strings(manifest.path("Layers")).stream()
				.map(layer -> layers.get(clean(layer)))
				.toList();
			assertThat(ordered).as("layers named in the manifest").doesNotContainNull();
			return new Image(config, ordered, texts);
		}

		/** The files of all layers, a later layer's entry over an earlier one's. */
		Map<String, TarArchiveEntry> allFiles() {
			Map<String, TarArchiveEntry> files = new HashMap<>();
			layers.forEach(files::putAll);
			return files;
		}

		/** A small text file's content, from the last layer that holds it. */
		String text(String file) {
			assertThat(texts).as(file).containsKey(file);
			return texts.get(file);
		}

		private static Map<String, TarArchiveEntry> list(InputStream layerBytes, Map<String, String> texts)
				throws IOException {
			Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
			TarArchiveInputStream layer = new TarArchiveInputStream(uncompressed(layerBytes));
			for (TarArchiveEntry entry; (entry = layer.getNextEntry()) != null;) {
				String name = clean(entry.getName());
				entries.put(entry.isDirectory() && !name.endsWith("/") ? name + "/" : name, entry);
				if (entry.isFile() && TEXTS.contains(name)) {
					texts.put(name, new String(layer.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			return entries;
		}

		/** Jib writes gzip'ed layers, docker save (the base) plain ones. */
		private static InputStream uncompressed(InputStream in) throws IOException {
			BufferedInputStream buffered = new BufferedInputStream(new NonClosing(in), 1 << 16);
			buffered.mark(2);
			int first = buffered.read();
			int second = buffered.read();
			buffered.reset();
			return first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
		}
	}

	private static String clean(String name) {
		String cleaned = name;
		while (cleaned.startsWith("./") || cleaned.startsWith("/")) {
			cleaned = cleaned.substring(cleaned.startsWith("./") ? 2 : 1);
		}
		return cleaned;
	}

	/** The outer tar's stream: reading a layer must not close it. */
	private static final class NonClosing extends java.io.FilterInputStream {

		NonClosing(InputStream in) {
			super(in);
		}

		@Override
		public void close() {
		}
	}
}
