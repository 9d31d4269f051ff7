package dev.hitter.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.jayway.jsonpath.JsonPath;

/**
 * {@code ./hitter backup} of the running system, {@code ./hitter restore} into a fresh {@code HITTER_HOME}, and a
 * second system started there: the member signs in with their password (auth-service starts only with the restored
 * signing-key encryption key, and Flyway accepts the restored schemas) and their community post is there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningSystem.Extension.class)
class BackupRestoreSystemIT {

	private static final String PASSWORD = "bridge-hook-outro-4";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final RunningSystem system;

	BackupRestoreSystemIT(RunningSystem system) {
		this.system = system;
	}

	@Test
	void aBackupRestoredIntoAFreshHomeServesTheMembersAndTheirData() throws Exception {
		Path work = RunningSystem.workDir().resolve("backup-" + System.currentTimeMillis());
		Files.createDirectories(work);
		if (system.embeddedDatabase()) {
			backUpAndRestore(system, work);
			return;
		}
		// The shared system runs on Docker's MySQL here: back up one on the embedded database, what the command is for.
		Path home = work.resolve("source-home");
		Files.createDirectories(home);
		try (RunningSystem source = RunningSystem.start(home, work.resolve("hitter-run-source.log"), true,
				natives(system))) {
			backUpAndRestore(source, work);
		}
	}

	private void backUpAndRestore(RunningSystem system, Path work) throws Exception {
		String gateway = system.gateway();
		String email = "kept-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> created = send(gateway, "POST", "/api/v1/auth/signup", null, """
				{"email": "%s", "password": "%s", "displayName": "%s", "kind": "producer"}
				""".formatted(email, PASSWORD, "kept-" + Integer.toHexString(email.hashCode())));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
		system.mailbox().verify(gateway, email);
		String title = "backed up " + UUID.randomUUID();
		HttpResponse<String> post = send(gateway, "POST", "/api/v1/community/posts", logIn(gateway, email),
				"{\"title\":\"" + title + "\",\"body\":\"복원되어야 할 글\",\"category\":\"FEEDBACK\"}");
		assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
		String postId = JsonPath.read(post.body(), "$.id");

		Path archive = work.resolve("hitter.tar.gz");
		long started = System.nanoTime();
		Launcher backup = hitter(system.home(), work.resolve("backup.log"), "backup", "--to", archive.toString());
		assertThat(backup.status()).as(backup.output()).isZero();
		assertThat(Files.getPosixFilePermissions(archive)).as("the archive holds keys: owner-only")
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		String manifest = run(work, "tar", "-xzOf", archive.toString(), "manifest");
		assertThat(manifest).contains("format=1", "schemas=hitter_auth hitter_community hitter_prediction",
				"sha256.database.sql=", "sha256.secrets.tar=", "sha256.models.tar=");
		// The models' promotion state: each genre's pointer to the version it serves (and the ones a rollback reaches).
		assertThat(manifest).containsPattern("models-promoted=BALLAD/v\\S+ DANCE/v\\S+ POP/v\\S+");
		assertThat(run(work, "bash", "-c", "tar -xzOf \"$0\" models.tar | tar -t", archive.toString()))
			.contains("./POP/promoted.json", "./BALLAD/promoted.json", "./DANCE/promoted.json");
		byte[] written = Files.readAllBytes(archive);
		Launcher again = hitter(system.home(), work.resolve("backup-again.log"), "backup", "--to", archive.toString());
		assertThat(again.status()).as("a back-up never overwrites a file").isNotZero();
		assertThat(Files.readAllBytes(archive)).isEqualTo(written);

		Launcher whileRunning = hitter(system.home(), work.resolve("restore-running.log"), "restore", archive.toString());
		assertThat(whileRunning.status()).as(whileRunning.output()).isNotZero();
		assertThat(whileRunning.output()).contains("stop");

		// A damaged archive (one byte more in the dump) is refused before anything is written.
		Path unpacked = Files.createDirectories(work.resolve("damaged"));
		run(unpacked, "tar", "-xzf", archive.toString());
		Files.writeString(unpacked.resolve("database.sql"), "-- one more line\n", java.nio.file.StandardOpenOption.APPEND);
		Path damaged = work.resolve("damaged.tar.gz");
		run(unpacked, "tar", "-czf", damaged.toString(), "manifest", "database.sql", "secrets.tar", "models.tar");
		Path untouched = work.resolve("untouched-home");
		Launcher refused = hitter(untouched, work.resolve("restore-damaged.log"), "restore", damaged.toString());
		assertThat(refused.status()).as(refused.output()).isNotZero();
		assertThat(refused.output()).contains("damaged");
		assertThat(untouched.resolve("db")).doesNotExist();
		assertThat(untouched.resolve("service-secrets")).doesNotExist();

		Path fresh = work.resolve("restored-home");
		Launcher restore = hitter(fresh, work.resolve("restore.log"), "restore", archive.toString());
		assertThat(restore.status()).as(restore.output()).isZero();
		assertThat(restore.output()).containsPattern("promoted: BALLAD/v\\S+ DANCE/v\\S+ POP/v\\S+");
		assertThat(fresh.resolve("models/POP/promoted.json")).isRegularFile();
		System.out.printf("backup and restore took %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));

		try (RunningSystem restored = RunningSystem.start(fresh, work.resolve("hitter-run-restored.log"), true,
				natives(system))) {
			String token = logIn(restored.gateway(), email);
			HttpResponse<String> read = send(restored.gateway(), "GET", "/api/v1/community/posts/" + postId, token, null);
			assertThat(read.statusCode()).as(read.body() + "\n" + restored.tails()).isEqualTo(200);
			assertThat((String) JsonPath.read(read.body(), "$.title")).isEqualTo(title);
			HttpResponse<String> wrong = send(restored.gateway(), "POST", "/api/v1/auth/login", null,
					"{\"email\":\"" + email + "\",\"password\":\"not-" + PASSWORD + "\"}");
			assertThat(wrong.statusCode()).isEqualTo(401);
		}
	}

	/** The TensorFlow natives the first system unpacked (476 MB): a second system uses them rather than its own copy. */
	private static Map<String, String> natives(RunningSystem system) {
		Path natives = system.home().resolve("tensorflow-2.10.1");
		return Files.isDirectory(natives) ? Map.of("HITTER_MODELS_NATIVES", natives.toString()) : Map.of();
	}

	private record Launcher(int status, String output) {
	}

	/** {@code ./hitter <args>} on {@code home}, with the database a restore starts on a port of this run's block. */
	private static Launcher hitter(Path home, Path log, String... args) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash", RunningSystem.root().resolve("hitter").toString())
			.directory(RunningSystem.root().toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.command().addAll(java.util.List.of(args));
		Map<String, String> env = builder.environment();
		env.put("HITTER_NO_BUILD", "1");
		env.put("HITTER_HOME", home.toString());
		env.put("HITTER_DB_PORT", String.valueOf(RunningSystem.freePorts(1)[0]));
		env.remove("HITTER_DB_URL");
		env.remove("HITTER_MODELS_DIR");
		env.keySet().removeIf(name -> name.startsWith("HITTER_SERVICE_SECRET"));
		env.remove("HITTER_SIGNING_KEY_ENCRYPTION_KEY");
		env.remove("HITTER_PARTNER_SECRET_PEPPER");
		Process process = builder.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("./hitter " + String.join(" ", args) + " ends").isTrue();
		return new Launcher(process.exitValue(), Files.readString(log));
	}

	private static String run(Path dir, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		return output;
	}

	private String logIn(String gateway, String email) throws Exception {
		HttpResponse<String> login = send(gateway, "POST", "/api/v1/auth/login", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		return JsonPath.read(login.body(), "$.accessToken");
	}

	private HttpResponse<String> send(String gateway, String method, String path, String token, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
