package dev.hitter.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark member's conversation with the gateway, as a partner tool or the web app has it: sign up or log in,
 * keep an access token that is still valid, send uploads or community requests, delete what was created. Safe for
 * many client threads.
 */
final class GatewaySession {

	/** An upload takes longer than any JSON call; the gateway's own limit for the route is 120 s by default. */
	private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(180);

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI gateway;

	private final String email;

	private final String password;

	/** Only the member who created a prediction may delete it, so each session keeps its own. */
	private final Queue<String> created = new ConcurrentLinkedQueue<>();

	private String accessToken;

	private Instant renewAt = Instant.MIN;

	private GatewaySession(HttpClient http, URI gateway, String email, String password) {
		this.http = http;
		this.gateway = gateway;
		this.email = email;
		this.password = password;
	}

	/** Logs in as an existing member. */
	static GatewaySession logIn(HttpClient http, URI gateway, String email, String password)
			throws IOException, InterruptedException {
		GatewaySession session = new GatewaySession(http, gateway, email, password);
		session.accessToken();
		return session;
	}

	/**
	 * Signs up a new member with a random e-mail address and a strong random password, then logs in.
	 * @param number which of the run's members this is, for its display name
	 */
	static GatewaySession signUpFreshMember(HttpClient http, URI gateway, int number)
			throws IOException, InterruptedException {
		byte[] secret = new byte[12];
		new SecureRandom().nextBytes(secret);
		String email = "load-" + UUID.randomUUID() + "@bench.hitter.dev";
		String password = "Bench-" + HexFormat.of().formatHex(secret) + "-9!";
		HttpResponse<String> created = http.send(postJson("/api/v1/auth/signup", JSON.writeValueAsString(
				JSON.createObjectNode()
					.put("email", email)
					.put("password", password)
					.put("displayName", "Load benchmark " + number)
					.put("kind", "label")), gateway), HttpResponse.BodyHandlers.ofString());
		// 202 since sign-up stopped telling whether an address is taken (201 from systems before that).
		if (created.statusCode() != 202 && created.statusCode() != 201) {
			throw new IOException("sign-up refused with " + created.statusCode() + ": " + created.body());
		}
		if (created.statusCode() == 202) {
			verifyThroughLocalMail(http, gateway, email);
		}
		return logIn(http, gateway, email, password);
	}

	/**
	 * Posting needs a verified address: the link is read from the local run's mail viewer (./hitter run; its address
	 * from HITTER_MAIL_VIEWER_URL, else port HITTER_MAIL_VIEWER_PORT or 8025 on loopback). Against a system whose
	 * mail goes to a real server the member stays unverified: uploads work, the community benchmark's posts do not.
	 */
	private static void verifyThroughLocalMail(HttpClient http, URI gateway, String email)
			throws IOException, InterruptedException {
		String viewer = Optional.ofNullable(System.getenv("HITTER_MAIL_VIEWER_URL"))
			.orElse("http://127.0.0.1:" + Optional.ofNullable(System.getenv("HITTER_MAIL_VIEWER_PORT")).orElse("8025"));
		java.util.regex.Pattern link = java.util.regex.Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]+)");
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> mails;
			try {
				mails = http.send(HttpRequest.newBuilder(URI.create(viewer + "/api/messages?to="
						+ java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)))
					.timeout(CALL_TIMEOUT)
					.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException noViewer) {
				System.err.println("No local mail viewer at " + viewer + " (" + noViewer.getMessage() + "): " + email
						+ " stays unverified");
				return;
			}
			java.util.regex.Matcher found = link.matcher(mails.body());
			if (found.find()) {
				HttpResponse<String> verified = http.send(postJson("/api/v1/auth/email-verification",
						JSON.writeValueAsString(JSON.createObjectNode().put("token", found.group(1))), gateway),
						HttpResponse.BodyHandlers.ofString());
				if (verified.statusCode() != 204) {
					throw new IOException("verification refused with " + verified.statusCode() + ": " + verified.body());
				}
				return;
			}
			Thread.sleep(200);
		}
		throw new IOException("no verification mail for " + email + " at " + viewer + " within 30 s");
	}

	String email() {
		return email;
	}

	/** A token that is still valid for a while; logs in again once three quarters of its lifetime have passed. */
	synchronized String accessToken() throws IOException, InterruptedException {
		if (Instant.now().isAfter(renewAt)) {
			Instant askedAt = Instant.now();
			HttpResponse<String> login = http.send(postJson("/api/v1/auth/login", JSON.writeValueAsString(
					JSON.createObjectNode().put("email", email).put("password", password)), gateway),
					HttpResponse.BodyHandlers.ofString());
			if (login.statusCode() != 200) {
				throw new IOException("login refused with " + login.statusCode() + ": " + login.body());
			}
			JsonNode answer = JSON.readTree(login.body());
			accessToken = answer.path("accessToken").asString();
			long lifetimeMillis = answer.path("expiresIn").asLong(60) * 1000;
			renewAt = askedAt.plusMillis(lifetimeMillis * 3 / 4);
		}
		return accessToken;
	}

	/** After a 401: the token may have expired early (clock skew, revoked keys), so the next caller logs in. */
	synchronized void rejected(String token) {
		if (token.equals(accessToken)) {
			renewAt = Instant.MIN;
		}
	}

	/** Sends one upload; a 201's Location is remembered for {@link #created()}. */
	Answer analyse(String token, MultipartBody form, byte[] body) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/predictions"))
			.timeout(UPLOAD_TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", form.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		Answer answer = new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location"),
				response.headers().firstValue("Retry-After"));
		answer.location().filter(location -> answer.status() == 201).ifPresent(created::add);
		return answer;
	}

	/** The predictions this member's uploads created, warm-up and uncounted answers included. */
	List<String> created() {
		return List.copyOf(created);
	}

	/** Deletes one prediction or post; true when the gateway answered 204 (or 404: already gone). */
	boolean delete(String location) throws IOException, InterruptedException {
		HttpResponse<Void> response = http.send(HttpRequest.newBuilder(gateway.resolve(location))
			.timeout(CALL_TIMEOUT)
			.header("Authorization", "Bearer " + accessToken())
			.DELETE()
			.build(), HttpResponse.BodyHandlers.discarding());
		return response.statusCode() == 204 || response.statusCode() == 404;
	}

	/** A GET of a JSON resource with this member's token (a community list or post). */
	Answer get(String token, String path) throws IOException, InterruptedException {
		return answer(http.send(HttpRequest.newBuilder(gateway.resolve(path))
			.timeout(CALL_TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString()));
	}

	/** A POST or PUT of JSON (or of nothing, when {@code json} is null) with a valid token of this member. */
	Answer send(String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
			.timeout(CALL_TIMEOUT)
			.header("Authorization", "Bearer " + accessToken());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return answer(http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()));
	}

	private static Answer answer(HttpResponse<String> response) {
		return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location"),
				response.headers().firstValue("Retry-After"));
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	private static HttpRequest postJson(String path, String body, URI gateway) {
		return HttpRequest.newBuilder(gateway.resolve(path))
			.timeout(CALL_TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** What the gateway answered to one upload. */
	record Answer(int status, String body, Optional<String> location, Optional<String> retryAfter) {

		/** The last segment of a problem's {@code type} (e.g. {@code analyses-busy}), or empty. */
		String problemType() {
			try {
				String type = json(body).path("type").asString("");
				return type.substring(type.lastIndexOf('/') + 1);
			}
			catch (RuntimeException notJson) {
				return "";
			}
		}
	}
}
