package dev.hitter.auth.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.TestMailbox;
import dev.hitter.kit.clientaddress.ClientAddress;

/**
 * Deleting an account on the real service and database: the re-authentication, what the one transaction leaves
 * behind (a tombstone, a revocation, no sessions, no links, a free address), and the erase and anonymise messages
 * reaching stand-ins for prediction-service and community-service with auth-service's own token — retried while
 * they answer 503.
 */
@TestPropertySource(properties = { "hitter.outbox.poll-interval=100ms", "hitter.outbox.initial-backoff=100ms",
		"hitter.outbox.max-backoff=300ms", "hitter.outbox.circuit-open-for=200ms" })
class AccountDeletionApiTest extends AuthApiTest {

	record Received(String path, String authorization) {
	}

	static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

	/** The stand-ins answer 503 to this many requests first, as services that are down. */
	static final AtomicInteger UNAVAILABLE_FOR = new AtomicInteger();

	static final AtomicInteger REFUSED = new AtomicInteger();

	static final HttpServer SERVICES = standIn();

	@Autowired
	JdbcClient jdbc;

	private final String address = "203.0.113." + (UUID.randomUUID().hashCode() & 0x7f);

	@DynamicPropertySource
	static void standIns(DynamicPropertyRegistry registry) {
		// A schema of its own: the relays of this JVM's other auth-service contexts never claim these messages.
		registry.add("spring.datasource.url", () -> dev.hitter.localdb.TestDatabase.shared().baseJdbcUrl()
				+ "/hitter_auth_deletion?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=UTF-8"
				+ "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true"
				+ "&useSSL=false&useInformationSchema=false");
		String url = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
		registry.add("hitter.internal.community-url", () -> url);
		registry.add("hitter.internal.prediction-url", () -> url);
	}

	@AfterAll
	static void stop() {
		SERVICES.stop(0);
	}

	@Test
	void deletingLeavesATombstoneEndsSessionsVoidsLinksAndFreesTheAddress() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "producer").andExpect(status().isAccepted());
		String link = TestMailbox.awaitToken(email, 1);
		String login = logIn(email, STRONG_PASSWORD);
		String other = logIn(email, STRONG_PASSWORD);
		UUID member = UUID.fromString(JsonPath.read(accessClaims(login), "$.sub"));

		deleteMe(login, Map.of("currentPassword", STRONG_PASSWORD)).andExpect(status().isNoContent());

		assertThat(count("SELECT COUNT(*) FROM member WHERE id = ?", member)).isZero();
		assertThat(count("SELECT COUNT(*) FROM member_tombstone WHERE member_id = ?", member)).isOne();
		assertThat(count("SELECT COUNT(*) FROM refresh_token WHERE member_id = ?", member)).isZero();
		assertThat(count("SELECT COUNT(*) FROM mail_token WHERE member_id = ?", member)).isZero();
		assertThat(count("SELECT COUNT(*) FROM member_revocation WHERE member_id = ? AND not_before IS NULL",
				member)).isOne();
		// The tombstone names nobody: only the id and the time are left.
		assertThat(jdbc.sql("SELECT * FROM member_tombstone WHERE member_id = ?")
			.param(member.toString())
			.query()
			.singleRow()).containsOnlyKeys("member_id", "deleted_at");

		postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(other, "$.refreshToken")))
			.andExpect(status().isUnauthorized());
		postJson("/api/v1/auth/login", Map.of("email", email, "password", STRONG_PASSWORD))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-credentials"));
		postJson("/api/v1/auth/email-verification", Map.of("token", link)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-link"));
		mvc.perform(get("/api/v1/auth/me/profile").header("Authorization", bearer(login)))
			.andExpect(status().isUnauthorized());
		deleteMe(login, Map.of("currentPassword", STRONG_PASSWORD)).andExpect(status().isUnauthorized());

		// The address is free: a new account, with a new id.
		String again = signUpAndLogIn(email);
		assertThat((String) JsonPath.read(accessClaims(again), "$.sub")).isNotEqualTo(member.toString());
	}

	@Test
	void theErasureAndTheAnonymisationArriveWithAuthServicesTokenThroughOutages() throws Exception {
		String login = signUpAndLogIn(uniqueEmail());
		UUID member = UUID.fromString(JsonPath.read(accessClaims(login), "$.sub"));
		UNAVAILABLE_FOR.set(4);
		deleteMe(login, Map.of("currentPassword", STRONG_PASSWORD)).andExpect(status().isNoContent());

		Received erase = awaitRequest("/internal/v1/members/" + member + "/erase");
		awaitRequest("/internal/v1/members/" + member + "/anonymise");
		assertThat(REFUSED.get()).as("503s answered before delivery").isGreaterThanOrEqualTo(4);
		String claims = new String(Base64.getUrlDecoder().decode(erase.authorization().substring(7).split("\\.")[1]),
				StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(claims, "$.sub")).isEqualTo("service:auth-service");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (count("SELECT COUNT(*) FROM outbox_message WHERE payload LIKE ? AND delivered_at IS NOT NULL",
				"%" + member + "%") < 2) {
			assertThat(System.nanoTime()).as("both marked delivered").isLessThan(deadline);
			Thread.sleep(50);
		}
		assertThat(jdbc.sql("SELECT destination FROM outbox_message WHERE payload LIKE ? ORDER BY destination")
			.param("%" + member + "%")
			.query(String.class)
			.list()).containsExactly("community-service", "prediction-service");
	}

	@Test
	void aWrongPasswordDeletesNothingAndTellsWhichField() throws Exception {
		String email = uniqueEmail();
		String login = signUpAndLogIn(email);
		deleteMe(login, Map.of("currentPassword", "not-my-password-9")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/current-password-wrong"))
			.andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
		deleteMe(login, Map.of()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
		deleteMe(login, Map.of("currentPassword", STRONG_PASSWORD, "code", "1".repeat(100)))
			.andExpect(status().isBadRequest());
		mvc.perform(delete("/api/v1/auth/me").contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("currentPassword", STRONG_PASSWORD)))).andExpect(status().isUnauthorized());
		logIn(email, STRONG_PASSWORD);
	}

	@Test
	void withTwoFactorOnACodeIsNeededAndARecoveryCodeOrTheAppsCodeWorks() throws Exception {
		for (boolean useRecoveryCode : new boolean[] { true, false }) {
			String email = uniqueEmail();
			String login = signUpAndLogIn(email);
			String secret = read(mvc
				.perform(post("/api/v1/auth/me/two-factor/setup").header("Authorization", bearer(login)))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.secret");
			String codes = mvc
				.perform(post("/api/v1/auth/me/two-factor/enable").header("Authorization", bearer(login))
					.header(ClientAddress.HEADER, address)
					.contentType(MediaType.APPLICATION_JSON)
					.content(json(Map.of("code", totp(secret, 0)))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			String recovery = JsonPath.read(codes, "$.recoveryCodes[0]");

			deleteMe(login, Map.of("currentPassword", STRONG_PASSWORD)).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/second-factor-wrong"))
				.andExpect(jsonPath("$.errors[0].field").value("code"));
			// The code that enabled two-factor was used: a replay.
			deleteMe(login, Map.of("currentPassword", STRONG_PASSWORD, "code", totp(secret, 0)))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/second-factor-wrong"));
			// A wrong password with the right code: refused, and the code is not used up.
			deleteMe(login, Map.of("currentPassword", "not-my-password-9", "code", recovery))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/current-password-wrong"));
			// The next step's code (within the allowed drift) or a recovery code.
			String code = useRecoveryCode ? recovery : totp(secret, 1);
			deleteMe(login, Map.of("currentPassword", STRONG_PASSWORD, "code", code))
				.andExpect(status().isNoContent());
			postJson("/api/v1/auth/login", Map.of("email", email, "password", STRONG_PASSWORD))
				.andExpect(status().isUnauthorized());
		}
	}

	private ResultActions deleteMe(String login, Map<String, Object> body) throws Exception {
		return mvc.perform(delete("/api/v1/auth/me").header("Authorization", bearer(login))
			.header(ClientAddress.HEADER, address)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(new HashMap<>(body))));
	}

	private long count(String sql, Object parameter) {
		return jdbc.sql(sql).param(parameter.toString()).query(Long.class).single();
	}

	private static String bearer(String login) {
		return "Bearer " + read(login, "$.accessToken");
	}

	/** RFC 6238 with SHA-1, six digits, 30 s: what an authenticator app shows, {@code stepsAhead} steps from now. */
	static String totp(String base32Secret, int stepsAhead) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
		byte[] hash = mac.doFinal(ByteBuffer.allocate(8)
			.putLong(Instant.now().getEpochSecond() / 30 + stepsAhead)
			.array());
		int offset = hash[hash.length - 1] & 0xf;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		return String.format("%06d", binary % 1_000_000);
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	private static Received awaitRequest(String path) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			for (Received received : RECEIVED) {
				if (received.path().equals(path)) {
					return received;
				}
			}
			assertThat(System.nanoTime()).as("a call to " + path + " within 30 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static HttpServer standIn() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/internal/v1/members/", exchange -> {
				exchange.getRequestBody().readAllBytes();
				if (UNAVAILABLE_FOR.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
					REFUSED.incrementAndGet();
					exchange.sendResponseHeaders(503, -1);
				}
				else {
					RECEIVED.add(new Received(exchange.getRequestURI().getPath(),
							exchange.getRequestHeaders().getFirst("Authorization")));
					exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/erase") ? 200 : 204,
							-1);
				}
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
