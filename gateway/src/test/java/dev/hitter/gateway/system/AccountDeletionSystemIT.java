package dev.hitter.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.jayway.jsonpath.JsonPath;

/**
 * An account deleted while community-service is stopped (its JVM frozen with SIGSTOP, so the launcher does not
 * restart it and every call to it times out): the deletion answers at once, the member's token is refused by the
 * gateway at once, prediction-service erases their analysis and published audio, and once community-service runs
 * again the outbox delivers the anonymisation — the member's post shows a deleted member within a bounded time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningSystem.Extension.class)
class AccountDeletionSystemIT {

	private static final String PASSWORD = "verse-chorus-verse-7";

	/** The outbox's back-off after a ~30 s outage is under a minute (1, 2, 4 … s): generous. */
	private static final Duration ANONYMISED_WITHIN = Duration.ofMinutes(3);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final RunningSystem system;

	private final String gateway;

	AccountDeletionSystemIT(RunningSystem system) {
		this.system = system;
		this.gateway = system.gateway();
	}

	@Test
	void deletesAnAccountWhileCommunityIsStoppedAndTheAnonymisationArrivesWhenItRuns() throws Exception {
		String leaving = signUpVerified("leaving");
		String observer = signUpVerified("observer");

		String analysis = analyse(logIn(leaving));
		Multipart file = new Multipart().file("audio", "own.wav", "audio/wav", WavMaker.chords(12));
		HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/predictions/"
				+ analysis + "/publication"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + logIn(leaving))
			.header("Content-Type", file.contentType())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(file.body()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		HttpResponse<String> post = send("POST", "/api/v1/community/posts", logIn(leaving),
				"{\"title\":\"before I go\",\"body\":\"곧 탈퇴합니다\",\"category\":\"FEEDBACK\"}");
		assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
		String postId = JsonPath.read(post.body(), "$.id");
		assertThat(send("GET", "/api/v1/predictions/" + analysis + "/audio", logIn(observer), null).statusCode())
			.as("the published audio, before").isEqualTo(200);

		long community = communityPid();
		signal("STOP", community);
		try {
			String token = logIn(leaving);
			HttpResponse<String> deleted = send("DELETE", "/api/v1/auth/me", token,
					"{\"currentPassword\":\"" + PASSWORD + "\"}");
			assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
			// At once, at the gateway: the deletion went through it.
			assertThat(send("GET", "/api/v1/predictions", token, null).statusCode()).isEqualTo(401);
			assertThat(send("POST", "/api/v1/auth/login", null,
					"{\"email\":\"" + leaving + "\",\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(401);
			// prediction-service is up: the erasure arrives while community is still stopped.
			awaitStatus("/api/v1/predictions/" + analysis + "/audio", observer, 404, Duration.ofSeconds(60));
			Thread.sleep(15_000); // several failed attempts at community-service, each waiting out its time-out
		}
		finally {
			signal("CONT", community);
		}
		long deadline = System.nanoTime() + ANONYMISED_WITHIN.toNanos();
		boolean anonymised = false;
		while (!anonymised && System.nanoTime() < deadline) {
			HttpResponse<String> read = send("GET", "/api/v1/community/posts/" + postId, logIn(observer), null);
			anonymised = read.statusCode() == 200 && Boolean.TRUE.equals(JsonPath.read(read.body(), "$.authorDeleted"));
			if (!anonymised) {
				Thread.sleep(1_000);
			}
		}
		assertThat(anonymised).as("the post shows a deleted member within " + ANONYMISED_WITHIN + "\n" + system.tails())
			.isTrue();
		HttpResponse<String> read = send("GET", "/api/v1/community/posts/" + postId, logIn(observer), null);
		assertThat(read.body()).doesNotContain("leaving-");
	}

	private String signUpVerified(String who) throws Exception {
		String email = who + "-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> created = send("POST", "/api/v1/auth/signup", null, """
				{"email": "%s", "password": "%s", "displayName": "%s", "kind": "artist"}
				""".formatted(email, PASSWORD, who + "-" + email.hashCode()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
		system.mailbox().verify(gateway, email);
		return email;
	}

	/** A fresh access token: the system test's tokens live only seconds (RunningSystem.ACCESS_TOKEN_TTL). */
	private String logIn(String email) throws Exception {
		HttpResponse<String> login = send("POST", "/api/v1/auth/login", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		return JsonPath.read(login.body(), "$.accessToken");
	}

	private String analyse(String token) throws Exception {
		Multipart form = new Multipart().field("genre", "BALLAD")
			.file("audio", "own.wav", "audio/wav", WavMaker.chords(12));
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/predictions"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", form.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.id");
	}

	private void awaitStatus(String path, String email, int status, Duration within) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		int last;
		do {
			last = send("GET", path, logIn(email), null).statusCode();
			if (last == status) {
				return;
			}
			Thread.sleep(500);
		}
		while (System.nanoTime() < deadline);
		assertThat(last).as(path + "\n" + system.tails()).isEqualTo(status);
	}

	private long communityPid() throws IOException {
		Matcher started = Pattern.compile("started community-service \\(pid (\\d+)\\)")
			.matcher(Files.readString(system.runLog()));
		long pid = -1;
		while (started.find()) {
			pid = Long.parseLong(started.group(1));
		}
		assertThat(pid).as("the launcher names the community service's pid").isPositive();
		return pid;
	}

	private static void signal(String signal, long pid) throws Exception {
		Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
		assertThat(kill.waitFor()).as("kill -" + signal + " " + pid).isZero();
	}

	private HttpResponse<String> send(String method, String path, String token, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
