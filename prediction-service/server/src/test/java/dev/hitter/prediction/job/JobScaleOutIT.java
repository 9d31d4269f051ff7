package dev.hitter.prediction.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import dev.hitter.localdb.EmbeddedMariaDb;
import dev.hitter.localdb.TestDatabase;
import dev.hitter.prediction.UploadsLeft;
import dev.hitter.prediction.TestTracks;
import dev.hitter.prediction.model.ModelReadinessTest;

/**
 * How HITTER scales out, shown for real: two replicas of the prediction service (separate JVMs running the built
 * jar) share one database and work through one 50-track job. Mid-job each replica in turn is killed with SIGKILL
 * and started again. The job still ends with exactly 50 predictions, every item scored once, and no audio left
 * staged. A second run pauses a replica (SIGSTOP) past its lease while it holds an item, and shows that on waking it
 * records nothing for the item the other took over. Tokens come from a key this test serves as the auth service's
 * JWKS.
 */
class JobScaleOutIT {

	static final int TRACKS = 50;

	static final int STALL_TRACKS = 20;

	static final Path JAR = Path.of(System.getProperty("hitter.server.jar", "target/prediction-service.jar"));

	static final Path WORK = Path.of("target/scale-out-" + UUID.randomUUID()).toAbsolutePath();

	private final List<Replica> replicas = new ArrayList<>();

	private HttpServer jwks;

	@AfterEach
	void stopEverything() {
		replicas.forEach(Replica::kill);
		if (jwks != null) {
			jwks.stop(0);
		}
	}

	/** Replicas a and b on one schema, both ready. */
	private List<Replica> startTwoReplicas(String schema) throws Exception {
		Replica a = new Replica("a", schema);
		Replica b = new Replica("b", schema);
		replicas.addAll(List.of(a, b));
		// One after the other: the first start unpacks the TensorFlow natives that both use.
		a.start();
		a.awaitReady();
		b.start();
		b.awaitReady();
		return List.of(a, b);
	}

	@Test
	void twoReplicasScoreEachTrackOfAJobExactlyOnceThroughKillsAndRestarts() throws Exception {
		RSAKey key = serveKeySet();
		String schema = "hitter_prediction_scale_out_" + Long.toHexString(System.nanoTime());
		List<Replica> started = startTwoReplicas(schema);
		Replica a = started.get(0);
		Replica b = started.get(1);

		UUID member = UUID.randomUUID();
		String token = token(key, member);
		String job = submit(a, token, TRACKS);
		String jobPath = "/api/v1/prediction-jobs/" + job;

		awaitSucceeded(b, token, jobPath, 8);
		a.kill();
		a.start();
		awaitSucceeded(b, token, jobPath, 25);
		b.kill();
		b.start();
		a.awaitReady();
		b.awaitReady();

		Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
		String finished;
		do {
			Thread.sleep(250);
			finished = get(a, token, jobPath);
		}
		while (!"COMPLETED".equals(JsonPath.read(finished, "$.state")) && Instant.now().isBefore(deadline));
		assertThat(JsonPath.<String>read(finished, "$.state")).as(finished).isEqualTo("COMPLETED");
		assertThat(JsonPath.<Integer>read(finished, "$.progress.succeeded")).as(finished).isEqualTo(TRACKS);

		try (Connection db = DriverManager.getConnection(
				TestDatabase.shared().baseJdbcUrl() + "/" + schema + "?connectionTimeZone=UTC",
				TestDatabase.shared().username(), TestDatabase.shared().password())) {
			assertThat(count(db, "SELECT COUNT(*) FROM prediction WHERE member_id = '" + member + "'"))
				.as("predictions made for the job's 50 tracks").isEqualTo(TRACKS);
			assertThat(count(db, "SELECT COUNT(DISTINCT prediction_id) FROM prediction_job_item WHERE job_id = '"
					+ job + "' AND state = 'SUCCEEDED'")).isEqualTo(TRACKS);
			assertThat(count(db, "SELECT COUNT(*) FROM prediction_job_audio")).as("audio left staged").isZero();
			assertThat(count(db, "SELECT COUNT(*) FROM prediction_job_item WHERE lyrics IS NOT NULL")).isZero();
			Map<String, Long> scoredBy = new HashMap<>();
			try (Statement query = db.createStatement();
					ResultSet rows = query.executeQuery("SELECT scored_by, COUNT(*) FROM prediction_job_item "
							+ "WHERE job_id = '" + job + "' GROUP BY scored_by")) {
				while (rows.next()) {
					scoredBy.put(rows.getString(1), rows.getLong(2));
				}
			}
			// Four processes ran (two, each restarted once); at least two of them scored items.
			assertThat(scoredBy).as("items by replica").hasSizeGreaterThanOrEqualTo(2);
			System.out.println("Items by replica: " + scoredBy + "; claims: "
					+ count(db, "SELECT SUM(attempts) FROM prediction_job_item WHERE job_id = '" + job + "'"));
		}
		for (Replica replica : replicas) {
			// The restarted replicas deleted what their killed predecessors left mid-analysis.
			assertThat(UploadsLeft.in(replica.uploads)).as("uploads left by replica " + replica.name).isEmpty();
		}
	}

	/**
	 * The one way an item could be scored twice: a replica that stalls past its lease (a long pause of its JVM, a
	 * frozen VM) while it holds an item, and wakes up after another replica took the item over. Replica a is paused
	 * with SIGSTOP while it holds an item; b takes the item over once the lease has run out; a is resumed with SIGCONT
	 * and finishes the analysis it was paused in. It must record nothing for that item.
	 */
	@Test
	void aReplicaThatStallsPastItsLeaseRecordsNothingForTheItemItLost() throws Exception {
		RSAKey key = serveKeySet();
		String schema = "hitter_prediction_stall_" + Long.toHexString(System.nanoTime());
		List<Replica> started = startTwoReplicas(schema);
		Replica a = started.get(0);
		Replica b = started.get(1);

		UUID member = UUID.randomUUID();
		String token = token(key, member);
		String job = submit(b, token, STALL_TRACKS);
		try (Connection db = DriverManager.getConnection(
				TestDatabase.shared().baseJdbcUrl() + "/" + schema + "?connectionTimeZone=UTC",
				TestDatabase.shared().username(), TestDatabase.shared().password())) {
			String held = pauseWhileHolding(a, db, job);
			Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
			while (!b.instanceId().equals(text(db, "SELECT scored_by FROM prediction_job_item WHERE id = '" + held
					+ "' AND state = 'SUCCEEDED'")) && Instant.now().isBefore(deadline)) {
				Thread.sleep(100);
			}
			assertThat(text(db, "SELECT scored_by FROM prediction_job_item WHERE id = '" + held + "'"))
				.as("the item paused replica a held was taken over and scored by b").isEqualTo(b.instanceId());
			a.resume();

			// a wakes up inside the analysis it was paused in, finishes it and tries to record it.
			String dropped = "Item " + held + " of job " + job + " is no longer held by this replica";
			deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (!a.logContains(dropped) && Instant.now().isBefore(deadline)) {
				Thread.sleep(100);
			}
			String finished;
			deadline = Instant.now().plus(Duration.ofMinutes(3));
			do {
				Thread.sleep(250);
				finished = get(b, token, "/api/v1/prediction-jobs/" + job);
			}
			while (!"COMPLETED".equals(JsonPath.read(finished, "$.state")) && Instant.now().isBefore(deadline));
			assertThat(JsonPath.<Integer>read(finished, "$.progress.succeeded")).as(finished).isEqualTo(STALL_TRACKS);
			assertThat(count(db, "SELECT COUNT(*) FROM prediction WHERE member_id = '" + member + "'"))
				.as("predictions made for the job's tracks").isEqualTo(STALL_TRACKS);
			assertThat(count(db, "SELECT COUNT(DISTINCT prediction_id) FROM prediction_job_item WHERE job_id = '"
					+ job + "' AND state = 'SUCCEEDED'")).isEqualTo(STALL_TRACKS);
			assertThat(text(db, "SELECT scored_by FROM prediction_job_item WHERE id = '" + held + "'"))
				.as("who the taken-over item is recorded for").isEqualTo(b.instanceId());
			assertThat(count(db, "SELECT attempts FROM prediction_job_item WHERE id = '" + held + "'"))
				.as("claims of the taken-over item").isGreaterThanOrEqualTo(2);
			assertThat(a.logContains(dropped)).as("replica a reports that it dropped its result (see %s)", a.log)
				.isTrue();
		}
	}

	/**
	 * Pauses the replica at a moment when it holds an item of the job, claimed and committed but not yet recorded,
	 * and answers that item. A pause that lands elsewhere (between items, or inside the transaction that records
	 * one, whose row is then locked) is undone and tried again.
	 */
	private static String pauseWhileHolding(Replica replica, Connection db, String job) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			String held = text(db, "SELECT id FROM prediction_job_item WHERE job_id = '" + job
					+ "' AND state = 'RUNNING' AND lease_owner = '" + replica.instanceId() + "' LIMIT 1");
			if (held == null) {
				Thread.sleep(10);
				continue;
			}
			replica.pause();
			if (stillHeldAndUnlocked(db, held, replica.instanceId())) {
				return held;
			}
			replica.resume();
		}
		throw new AssertionError("replica " + replica.name + " was never seen holding an item");
	}

	private static boolean stillHeldAndUnlocked(Connection db, String item, String owner) throws SQLException {
		db.setAutoCommit(false);
		try (Statement query = db.createStatement();
				ResultSet rows = query.executeQuery("SELECT lease_owner FROM prediction_job_item WHERE id = '" + item
						+ "' AND state = 'RUNNING' FOR UPDATE SKIP LOCKED")) {
			return rows.next() && owner.equals(rows.getString(1));
		}
		finally {
			db.rollback();
			db.setAutoCommit(true);
		}
	}

	private RSAKey serveKeySet() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("scale-out-test").generate();
		jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		jwks.createContext("/api/v1/auth/jwks", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, keySet.length);
			exchange.getResponseBody().write(keySet);
			exchange.close();
		});
		jwks.start();
		return key;
	}

	private static String submit(Replica replica, String token, int tracks) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("genre", "POP");
		for (int i = 0; i < tracks; i++) {
			// Tracks of different lengths, so that the items are not all alike.
			byte[] wav = TestTracks.wav(35 + i % 10, 16_000, 1);
			String name = String.format("track-%02d.wav", i);
			form.add("files", new ByteArrayResource(wav) {
				@Override
				public String getFilename() {
					return name;
				}
			});
		}
		String answer = RestClient.create()
			.post()
			.uri(replica.url("/api/v1/prediction-jobs"))
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "scale-out-" + UUID.randomUUID())
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.body(String.class);
		assertThat(JsonPath.<Integer>read(answer, "$.total")).isEqualTo(tracks);
		return JsonPath.read(answer, "$.id");
	}

	/** Waits until at least {@code succeeded} items are done, and checks the job is still running then. */
	private static void awaitSucceeded(Replica replica, String token, String jobPath, int succeeded)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		String job;
		do {
			Thread.sleep(40);
			job = get(replica, token, jobPath);
		}
		while (JsonPath.<Integer>read(job, "$.progress.succeeded") < succeeded && Instant.now().isBefore(deadline));
		assertThat(JsonPath.<Integer>read(job, "$.progress.succeeded")).as(job).isGreaterThanOrEqualTo(succeeded);
		assertThat(JsonPath.<String>read(job, "$.state")).as("still running when a replica is killed")
			.isEqualTo("RUNNING");
	}

	private static String get(Replica replica, String token, String path) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(replica.url(path)))
					.header("Authorization", "Bearer " + token)
					.timeout(Duration.ofSeconds(20))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String token(RSAKey key, UUID member) throws JOSEException {
		Instant now = Instant.now();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().subject(member.toString())
					.issuer("hitter")
					.audience("hitter-api")
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plus(Duration.ofHours(1))))
					.claim("email_verified", true).claim("roles", List.of("MEMBER"))
					.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static String text(Connection db, String sql) throws SQLException {
		try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
			return rows.next() ? rows.getString(1) : null;
		}
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** One replica: the built jar in its own JVM, with its own port and upload folder. */
	private final class Replica {

		final String name;

		final String schema;

		final Path uploads;

		final int port;

		Process process;

		int starts;

		Path log;

		Replica(String name, String schema) throws IOException {
			this.name = name;
			this.schema = schema;
			this.uploads = WORK.resolve(name + "-uploads");
			try (ServerSocket socket = new ServerSocket(0)) {
				this.port = socket.getLocalPort();
			}
		}

		void start() throws IOException {
			Files.createDirectories(WORK);
			TestDatabase database = TestDatabase.shared();
			starts++;
			ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Xmx768m",
					"-Dhitter.tensorflow.natives=" + System.getProperty("hitter.tensorflow.natives"), "-jar",
					JAR.toAbsolutePath().toString());
			Map<String, String> env = builder.environment();
			env.put("HITTER_DB_URL", database.baseJdbcUrl());
			env.put("HITTER_DB_USER", database.username());
			env.put("HITTER_DB_PASSWORD", database.password());
			env.put("HITTER_PREDICTION_SCHEMA", schema);
			env.put("HITTER_PREDICTION_PORT", Integer.toString(port));
			env.put("HITTER_AUTH_URL", "http://127.0.0.1:" + jwks.getAddress().getPort());
			env.put("HITTER_MODELS_DIR", ModelReadinessTest.FIXTURE_MODEL_SETS.toAbsolutePath().toString());
			env.put("HITTER_UPLOAD_DIR", uploads.toString());
			env.put("HITTER_JOBS_WORKERS", "1");
			env.put("HITTER_INSTANCE_ID", instanceId());
			env.put("HITTER_JOBS_POLL_INTERVAL", "200ms");
			// Short, so that the item a killed replica held is taken over within the test's patience.
			env.put("HITTER_JOBS_LEASE", "4s");
			if (database.kind().equals("embedded")) {
				env.put("SPRING_JPA_DATABASEPLATFORM", EmbeddedMariaDb.HIBERNATE_DIALECT);
			}
			log = WORK.resolve(name + "-" + starts + ".log");
			builder.redirectErrorStream(true).redirectOutput(log.toFile());
			process = builder.start();
		}

		void awaitReady() throws InterruptedException {
			Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
			while (Instant.now().isBefore(deadline)) {
				assertThat(process.isAlive()).as("replica " + name + " is running (see " + WORK + ")").isTrue();
				try {
					HttpResponse<Void> response = HttpClient.newHttpClient()
						.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
							.timeout(Duration.ofSeconds(5))
							.build(), HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// Not listening yet.
				}
				Thread.sleep(250);
			}
			throw new AssertionError("replica " + name + " was not ready within 3 minutes (see " + WORK + ")");
		}

		/** SIGKILL: no shutdown hook, no graceful end; whatever it held is left as a crash leaves it. */
		void kill() {
			if (process != null && process.isAlive()) {
				process.destroyForcibly();
				try {
					process.waitFor(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		/** This process's name in leases and {@code scored_by}. */
		String instanceId() {
			return "replica-" + name + "-" + starts;
		}

		/** SIGSTOP: every thread stops where it is, as in a very long pause; nothing is closed or committed. */
		void pause() throws IOException, InterruptedException {
			signal("-STOP");
		}

		/** SIGCONT: the paused process carries on from where it stopped. */
		void resume() throws IOException, InterruptedException {
			signal("-CONT");
		}

		private void signal(String signal) throws IOException, InterruptedException {
			Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
			assertThat(kill.waitFor()).as("kill " + signal + " " + process.pid()).isZero();
		}

		boolean logContains(String text) throws IOException {
			return Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
		}

		String url(String path) {
			return "http://127.0.0.1:" + port + path;
		}
	}
}
