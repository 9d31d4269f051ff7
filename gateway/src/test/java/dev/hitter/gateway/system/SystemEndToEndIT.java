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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.testcontainers.DockerClientFactory;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The whole system as a person starts it ({@code ./hitter run}, shared through {@link RunningSystem}), exercised
 * through the gateway only: sign up, log in, read the profile, refresh, and be refused without a token, with a
 * forged one and with an expired one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningSystem.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemEndToEndIT {

	private static final Duration ACCESS_TOKEN_TTL = RunningSystem.ACCESS_TOKEN_TTL;

	private static final String PASSWORD = "bridge-before-chorus-9";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final RunningSystem system;

	private final Path home;

	private final String gateway;

	private final String email = "e2e-" + UUID.randomUUID() + "@example.com";

	private String loginAnswer;

	private Instant loggedInAt;

	/** The member's analysed MP3 (test 9), which test 12 shares into the community. */
	private String analysisId;

	/** The one system of this JVM ({@link RunningSystem}): started for the first class, stopped after the last. */
	SystemEndToEndIT(RunningSystem system) {
		this.system = system;
		this.home = system.home();
		this.gateway = system.gateway();
	}

	@Test
	@Order(1)
	void healthIsUpOnlyWithEveryServiceReady() throws Exception {
		HttpResponse<String> health = send(get("/actuator/health"));
		assertThat(health.statusCode()).isEqualTo(200);
		// UP and nothing more for the public: which service, the disk and its path are the operator's to see.
		assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("UP");
		assertThat(health.body()).doesNotContain("components", "details", "path");
	}

	@Test
	@Order(2)
	void signsUpWithoutTellingWhetherTheAddressIsTakenAndVerifiesThroughTheMail() throws Exception {
		HttpResponse<String> created = send(postJson("/api/v1/auth/signup", """
				{"email": "%s", "password": "%s", "displayName": "지민 (Jimin)", "kind": "artist"}
				""".formatted(email, PASSWORD)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
		assertThat((String) JsonPath.read(created.body(), "$.next")).isEqualTo("check-your-mail");
		assertThat(created.headers().firstValue("X-Request-Id")).isPresent();

		HttpResponse<String> again = send(postJson("/api/v1/auth/signup", """
				{"email": "%s", "password": "%s", "displayName": "Someone", "kind": "label"}
				""".formatted(email, PASSWORD)));
		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(again.body()).isEqualTo(created.body());

		// Through the local run's mail viewer, as a developer reads it: the link, then the notice to the owner.
		SystemMailbox mail = system.mailbox();
		assertThat(mail.awaitText(email, 1)).contains(gateway + "/verify-email?token=");
		assertThat(mail.awaitText(email, 2)).contains("already has an account");
		mail.verify(gateway, email);
	}

	@Test
	@Order(2)
	void theMailViewerIsTheLocalRunsOwnNeverTheGateways() throws Exception {
		// The viewer is a program of ./hitter run on loopback; the gateway routes nothing of it.
		assertThat(status(get("/api/messages"))).isIn(401, 404);
		assertThat(URI.create(system.mailViewer()).getHost()).isEqualTo("127.0.0.1");
		assertThat(Files.readString(system.runLog())).contains("local mail: nothing is delivered");
	}

	@Test
	@Order(3)
	void logsInAndReadsTheProfile() throws Exception {
		HttpResponse<String> login = send(postJson("/api/v1/auth/login", """
				{"email": "%s", "password": "%s"}
				""".formatted(email, PASSWORD)));
		loggedInAt = Instant.now();
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		loginAnswer = login.body();

		HttpResponse<String> me = send(get("/api/v1/users/me", accessToken(loginAnswer)));
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(me.body(), "$.email")).isEqualTo(email);
		assertThat(JsonPath.<List<String>>read(me.body(), "$.roles")).containsExactly("MEMBER");
		assertThat((Boolean) JsonPath.read(me.body(), "$.emailVerified")).isTrue();
	}

	@Test
	@Order(4)
	void refreshesAndTheNewTokenWorks() throws Exception {
		HttpResponse<String> refreshed = send(postJson("/api/v1/auth/refresh", """
				{"refreshToken": "%s"}
				""".formatted(JsonPath.<String>read(loginAnswer, "$.refreshToken"))));
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		assertThat(accessToken(refreshed.body())).isNotEqualTo(accessToken(loginAnswer));
		assertThat(status(get("/api/v1/users/me", accessToken(refreshed.body())))).isEqualTo(200);
	}

	@Test
	@Order(5)
	void isRefusedWithoutAToken() throws Exception {
		HttpResponse<String> refused = send(get("/api/v1/users/me"));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat((String) JsonPath.read(refused.body(), "$.type")).isEqualTo("https://hitter.dev/problems/unauthorized");
	}

	@Test
	@Order(6)
	void isRefusedWithAForgedToken() throws Exception {
		String realToken = accessToken(loginAnswer);
		String kid = SignedJWT.parse(realToken).getHeader().getKeyID();
		JWTClaimsSet claims = SignedJWT.parse(realToken).getJWTClaimsSet();
		JWTClaimsSet asAdmin = new JWTClaimsSet.Builder(claims).claim("roles", List.of("MEMBER", "ADMIN")).build();

		// Signed by an attacker's key that claims the real key's id.
		RSAKey attackerKey = new RSAKeyGenerator(2048).keyID(kid).generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), asAdmin);
		forged.sign(new RSASSASigner(attackerKey));
		assertThat(status(get("/api/v1/users/me", forged.serialize()))).isEqualTo(401);

		// The real signature over altered claims.
		String[] parts = realToken.split("\\.");
		String alteredClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
				asAdmin.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(status(get("/api/v1/users/me", parts[0] + "." + alteredClaims + "." + parts[2]))).isEqualTo(401);

		// No signature at all.
		String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(status(get("/api/v1/users/me", none + "." + parts[1] + "."))).isEqualTo(401);
	}

	@Test
	@Order(7)
	void isRefusedWithAnExpiredToken() throws Exception {
		String token = accessToken(loginAnswer);
		Date expiresAt = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime();
		assertThat(expiresAt.toInstant()).isBefore(loggedInAt.plus(ACCESS_TOKEN_TTL).plusSeconds(2));
		long wait = Duration.between(Instant.now(), expiresAt.toInstant()).toMillis() + 1500;
		if (wait > 0) {
			Thread.sleep(wait);
		}
		HttpResponse<String> refused = send(get("/api/v1/users/me", token));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	@Order(8)
	void everyServicesApiDocsAreReachableThroughTheGateway() throws Exception {
		for (String service : List.of("auth", "community", "prediction")) {
			HttpResponse<String> docs = send(get("/v3/api-docs/" + service));
			assertThat(docs.statusCode()).as(service).isEqualTo(200);
			assertThat((String) JsonPath.read(docs.body(), "$.openapi")).startsWith("3.");
		}
	}

	@Test
	@Order(9)
	void analysesAnMp3WithKoreanLyricsWithTheDemonstrationModelAndKeepsNoAudio() throws Exception {
		Path mp3 = Mp3Maker.chordsAndBeat(home.resolve("first-love.mp3"), 60);
		HttpResponse<String> login = send(postJson("/api/v1/auth/login", """
				{"email": "%s", "password": "%s"}
				""".formatted(email, PASSWORD)));
		String token = accessToken(login.body());
		Multipart form = new Multipart().field("genre", "BALLAD")
			.field("title", "첫사랑 (First Love)")
			.field("lyrics", "[00:12.00]사랑한다고 말하지 못했던 내 마음을 알아줘\n[00:18.00]그대여 다시 함께 걸어가자 tonight\n")
			.file("audio", "first-love.mp3", "audio/mpeg", Files.readAllBytes(mp3));

		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/predictions"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", form.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
			.build());

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String body = created.body();
		analysisId = JsonPath.read(body, "$.id");
		assertThat(number(body, "$.hitProbability")).isBetween(0.0, 1.0);
		assertThat(JsonPath.<String>read(body, "$.title")).isEqualTo("첫사랑 (First Love)");
		assertThat(number(body, "$.audio.segmentStartSeconds")).isEqualTo(20.0);
		assertThat(JsonPath.<List<?>>read(body, "$.audio.segments")).hasSizeGreaterThan(100);
		assertThat(JsonPath.<List<?>>read(body, "$.audio.topSegments")).hasSize(3);
		assertThat(number(body, "$.lyrics.score")).isBetween(0.0, 1.0);
		assertThat(JsonPath.<String>read(body, "$.model.audio.notice")).isEqualTo("demonstration model trained on synthetic data");
		assertThat(JsonPath.<String>read(body, "$.model.lyrics.notice")).isEqualTo("demonstration model trained on synthetic data");
		assertThat(JsonPath.<Boolean>read(body, "$.model.audio.demonstration")).isTrue();

		String location = created.headers().firstValue("Location").orElseThrow();
		HttpResponse<byte[]> picture = http.send(HttpRequest.newBuilder(URI.create(gateway + location + "/spectrogram.png"))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(picture.statusCode()).isEqualTo(200);
		assertThat(picture.headers().firstValue("Content-Type")).contains("image/png");
		assertThat(picture.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

		// Unreleased tracks are confidential: nothing of the upload is left on the server's disk (the service keeps
		// its uploads in a subfolder per process).
		try (Stream<Path> left = Files.walk(home.resolve("uploads"))) {
			assertThat(left.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	@Order(10)
	void aLabelToolSendsACatalogueAsABatchJobThroughTheGateway() throws Exception {
		String token = accessToken(send(postJson("/api/v1/auth/login", """
				{"email": "%s", "password": "%s"}
				""".formatted(email, PASSWORD))).body());
		Multipart form = new Multipart().field("manifest", """
				[{"file": "one.mp3", "genre": "DANCE", "title": "하나", "lyrics": "Tonight we dance"},
				 {"file": "two.mp3", "genre": "POP", "title": "둘", "lyricsFile": "two.txt"}]""")
			.file("files", "one.mp3", "audio/mpeg", Files.readAllBytes(Mp3Maker.chordsAndBeat(home.resolve("one.mp3"), 45)))
			.file("files", "two.mp3", "audio/mpeg", Files.readAllBytes(Mp3Maker.chordsAndBeat(home.resolve("two.mp3"), 50)))
			.file("files", "two.txt", "text/plain", "다시 함께 걸어요".getBytes(java.nio.charset.StandardCharsets.UTF_8));

		HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/prediction-jobs"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "system-test-catalogue")
			.header("Content-Type", form.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
			.build());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String job = accepted.headers().firstValue("Location").orElseThrow();

		String state;
		String seen;
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		do {
			Thread.sleep(250);
			HttpResponse<String> answer = send(get(job, token));
			if (answer.statusCode() == 401) {
				// Access tokens live seconds in this run; a job on a busy machine outlives one: sign in again.
				token = accessToken(send(postJson("/api/v1/auth/login", """
						{"email": "%s", "password": "%s"}
						""".formatted(email, PASSWORD))).body());
				answer = send(get(job, token));
			}
			seen = answer.body();
			assertThat(answer.statusCode()).as(seen).isEqualTo(200);
			state = JsonPath.read(seen, "$.state");
		}
		while (!state.equals("COMPLETED") && System.nanoTime() < deadline);
		assertThat(state).as(seen).isEqualTo("COMPLETED");
		assertThat(JsonPath.<List<String>>read(seen, "$.items[*].state")).containsExactly("SUCCEEDED", "SUCCEEDED");

		HttpResponse<String> csv = send(get(job + "/results.csv", token));
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body().lines().toList()).hasSize(3).anySatisfy(line -> assertThat(line).contains("둘"));
		try (Stream<Path> left = Files.walk(home.resolve("uploads"))) {
			assertThat(left.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	@Order(11)
	void theLocalRunKeepsServicesPrivateAndRestartsOneThatDies() throws Exception {
		Matcher started = Pattern.compile("started community-service \\(pid (\\d+)\\)").matcher(Files.readString(system.runLog()));
		assertThat(started.find()).as("the launcher names the community service's pid").isTrue();
		long pid = Long.parseLong(started.group(1));
		// What the launcher gave this process alone: its own database user (embedded database) and its ports.
		Map<String, String> processEnv = new java.util.HashMap<>();
		for (String entry : Files.readString(Path.of("/proc/" + pid + "/environ")).split("\0")) {
			int equals = entry.indexOf('=');
			// Only these: a failed assertion prints the map, and the password is in the same environment.
			if (equals > 0 && List.of("HITTER_DB_USER", "HITTER_COMMUNITY_PORT", "HITTER_MANAGEMENT_PORT", "SERVER_ADDRESS")
				.contains(entry.substring(0, equals))) {
				processEnv.put(entry.substring(0, equals), entry.substring(equals + 1));
			}
		}
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			assertThat(processEnv).containsEntry("HITTER_DB_USER", "hitter_community");
		}
		int communityPort = Integer.parseInt(processEnv.get("HITTER_COMMUNITY_PORT"));
		assertThat(processEnv).containsEntry("HITTER_MANAGEMENT_PORT", String.valueOf(communityPort + 1000))
			.containsEntry("SERVER_ADDRESS", "127.0.0.1");

		// Metrics only on the management port (1000 above the service's), the service on loopback only.
		assertThat(statusAt("127.0.0.1", communityPort + 1000, "/actuator/prometheus")).isEqualTo(200);
		assertThat(statusAt("127.0.0.1", communityPort, "/actuator/prometheus")).isIn(401, 404);
		for (java.net.InetAddress address : nonLoopbackAddresses()) {
			assertThat(statusAt(address.getHostAddress(), communityPort, "/livez")).as("reachable at " + address).isEqualTo(-1);
		}

		ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL: no goodbye, as a crash or the OOM killer
		Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
		long restartedPid = -1;
		while (restartedPid < 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
			Matcher again = Pattern.compile("started community-service \\(pid (\\d+)\\)").matcher(Files.readString(system.runLog()));
			while (again.find()) {
				restartedPid = Long.parseLong(again.group(1)) == pid ? restartedPid : Long.parseLong(again.group(1));
			}
		}
		assertThat(restartedPid).as("restarted:\n" + system.tails()).isPositive();
		assertThat(Files.readString(system.runLog())).contains("community-service (pid " + pid + ") stopped unexpectedly")
			.contains("restarting community-service in 1s");
		while (status(get("/actuator/health")) != 200 && Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
		}
		// Healthy means every service is ready again, the restarted community service included.
		assertThat(status(get("/actuator/health"))).as("healthy again:\n" + system.tails()).isEqualTo(200);
		assertThat(system.launcherAlive()).as("the launcher kept the rest running").isTrue();
	}

	/**
	 * The community's only call to a neighbour at run time, with that neighbour really gone: prediction-service is
	 * killed (the launcher restarts it, which takes it a while to load its models). Sharing an analysis fails fast
	 * and cleanly, nothing half-written; reading, listing and searching posts, the shared one included, keep
	 * working; once prediction-service is back, sharing works again without restarting anything else.
	 */
	@Test
	@Order(12)
	void theCommunityStaysUpWhilePredictionServiceIsDownAndSharesAgainWhenItReturns() throws Exception {
		assertThat(analysisId).as("test 9's analysis").isNotNull();
		String token = accessToken(send(postJson("/api/v1/auth/login", """
				{"email": "%s", "password": "%s"}
				""".formatted(email, PASSWORD))).body());
		HttpResponse<String> shared = send(sharePost(token, "히트곡을 만드는 법"));
		assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
		String post = JsonPath.read(shared.body(), "$.id");
		assertThat(JsonPath.<String>read(shared.body(), "$.analysis.predictionId")).isEqualTo(analysisId);
		int postsBefore = myPosts(token);

		Matcher started = Pattern.compile("started prediction-service \\(pid (\\d+)\\)").matcher(Files.readString(system.runLog()));
		long pid = -1;
		while (started.find()) {
			pid = Long.parseLong(started.group(1));
		}
		assertThat(pid).as("the launcher names prediction-service's pid").isPositive();
		ProcessHandle.of(pid).orElseThrow().destroyForcibly();
		ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());

		for (int attempt = 0; attempt < 3; attempt++) {
			long start = System.nanoTime();
			HttpResponse<String> refused = send(sharePost(token, "공유 실패 " + attempt));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(JsonPath.<String>read(refused.body(), "$.type"))
				.isEqualTo("https://hitter.dev/problems/dependency-unavailable");
			assertThat(took).as("a refused share answers within a second").isLessThan(Duration.ofSeconds(1));
		}
		assertThat(myPosts(token)).as("nothing half-written").isEqualTo(postsBefore);
		HttpResponse<String> read = send(get("/api/v1/community/posts/" + post, token));
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(read.body(), "$.analysis.predictionId")).isEqualTo(analysisId);
		assertThat(send(get("/api/v1/community/posts?size=5", token)).statusCode()).isEqualTo(200);
		HttpResponse<String> found = send(get("/api/v1/community/posts/search?q=" + java.net.URLEncoder
			.encode("히트곡", java.nio.charset.StandardCharsets.UTF_8), token));
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(found.body(), "$.items[*].id")).contains(post);

		// Back: the launcher restarts it; sharing works again with nothing else restarted (the circuit closes).
		Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
		int status = -1;
		while (status != 201 && Instant.now().isBefore(deadline)) {
			Thread.sleep(1_000);
			token = accessToken(send(postJson("/api/v1/auth/login", """
					{"email": "%s", "password": "%s"}
					""".formatted(email, PASSWORD))).body());
			status = send(sharePost(token, "다시 공유")).statusCode();
		}
		assertThat(status).as("sharing after prediction-service returned:\n" + system.tails()).isEqualTo(201);
		while (status(get("/actuator/health")) != 200 && Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
		}
		assertThat(system.launcherAlive()).isTrue();
	}

	private HttpRequest sharePost(String token, String title) {
		return HttpRequest.newBuilder(URI.create(gateway + "/api/v1/community/posts"))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"title": "%s", "body": "이 분석 어때요? 사랑 노래입니다.", "category": "FEEDBACK",
					 "predictionId": "%s", "confirmShareFigures": true}
					""".formatted(title, analysisId)))
			.build();
	}

	private int myPosts(String token) throws Exception {
		HttpResponse<String> mine = send(get("/api/v1/community/posts?author=me&size=100", token));
		assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
		return JsonPath.<List<?>>read(mine.body(), "$.items").size();
	}

	private int statusAt(String host, int port, String path) throws InterruptedException {
		try {
			return send(HttpRequest.newBuilder(URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + path))
				.timeout(Duration.ofSeconds(5))
				.GET()
				.build()).statusCode();
		}
		catch (IOException refused) {
			return -1;
		}
	}

	private static List<java.net.InetAddress> nonLoopbackAddresses() throws IOException {
		List<java.net.InetAddress> addresses = new ArrayList<>();
		for (java.net.NetworkInterface networkInterface : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
			if (networkInterface.isUp() && !networkInterface.isLoopback()) {
				java.util.Collections.list(networkInterface.getInetAddresses())
					.stream()
					.filter(address -> address instanceof java.net.Inet4Address)
					.forEach(addresses::add);
			}
		}
		return addresses;
	}

	private static double number(String json, String path) {
		return JsonPath.<Number>read(json, path).doubleValue();
	}

	private static String accessToken(String tokenAnswer) {
		return JsonPath.read(tokenAnswer, "$.accessToken");
	}

	private HttpRequest get(String path, String... token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(10));
		if (token.length > 0) {
			request.header("Authorization", "Bearer " + token[0]);
		}
		return request.GET().build();
	}

	private HttpRequest postJson(String path, String body) {
		return HttpRequest.newBuilder(URI.create(gateway + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private int status(HttpRequest request) throws InterruptedException {
		try {
			return send(request).statusCode();
		}
		catch (IOException notYetListening) {
			return -1;
		}
	}
}
