package dev.hitter.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway's rate limits, with a stand-in prediction-service that answers 200 and the other backends unreachable
 * (a call to them the limiter let through is answered 503 by the fallback; one it stopped is 429). Small buckets that
 * refill slowly, so that the test's own pace does not refill them.
 * Each test uses members, clients and addresses of its own (the gateway trusts 127.0.0.1 as a proxy here, so
 * {@code X-Forwarded-For} chooses the address).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "HITTER_AUTH_URL=http://127.0.0.1:9", "HITTER_COMMUNITY_URL=http://127.0.0.1:9",
				"HITTER_TRUSTED_PROXIES=127\\.0\\.0\\.1",
				"hitter.gateway.rate-limits.client.per-second=0.05", "hitter.gateway.rate-limits.client.burst=3",
				"hitter.gateway.rate-limits.member.per-second=0.05", "hitter.gateway.rate-limits.member.burst=5",
				"hitter.gateway.rate-limits.address.per-second=0.05", "hitter.gateway.rate-limits.address.burst=2",
				"hitter.gateway.rate-limits.max-tracked=100" })
class GatewayRateLimitTest {

	static final RSAKey KEY = newKey();

	static final HttpServer JWKS = jwks();

	static final AtomicInteger ADDRESSES = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	RateLimitWebFilter limiter;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("hitter.security.jwk-set-uri",
				() -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/api/v1/auth/jwks");
		// The stand-in prediction-service: a call the limiter let through is answered 200 by it.
		registry.add("HITTER_PREDICTION_URL", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		JWKS.stop(0);
	}

	@Test
	void aClientGetsItsBurstThen429WithRetryAfterAsProblemJson() {
		String token = clientToken(UUID.randomUUID(), "hc_" + UUID.randomUUID());
		for (int i = 0; i < 3; i++) {
			EntityExchangeResult<String> passed = call(token, null);
			assertThat(passed.getStatus().value()).isEqualTo(200);
			assertThat(passed.getResponseBody()).isEqualTo("{\"items\":[]}");
			assertThat(passed.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("3");
			assertThat(passed.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo(String.valueOf(2 - i));
		}
		EntityExchangeResult<String> refused = call(token, null);
		assertThat(refused.getStatus().value()).isEqualTo(429);
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(JsonPath.<String>read(refused.getResponseBody(), "$.type")).endsWith("/rate-limited");
		assertThat(JsonPath.<Integer>read(refused.getResponseBody(), "$.status")).isEqualTo(429);
		assertThat(JsonPath.<String>read(refused.getResponseBody(), "$.requestId")).isNotBlank();
		// One token every 20 s: whole seconds, at most 20.
		assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 20L);
		assertThat(refused.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("3");
		assertThat(refused.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
		assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("RateLimit-Reset"))).isBetween(1L, 60L);
	}

	@Test
	void aMembersClientsAndSessionsShareTheMembersLimit() {
		UUID member = UUID.randomUUID();
		String first = clientToken(member, "hc_" + UUID.randomUUID());
		String second = clientToken(member, "hc_" + UUID.randomUUID());
		for (int i = 0; i < 3; i++) {
			assertThat(call(first, null).getStatus().value()).isEqualTo(200);
		}
		assertThat(call(first, null).getStatus().value()).as("the first client's own limit").isEqualTo(429);
		assertThat(call(second, null).getStatus().value()).isEqualTo(200);
		assertThat(call(second, null).getStatus().value()).isEqualTo(200);
		EntityExchangeResult<String> refused = call(second, null);
		assertThat(refused.getStatus().value()).as("the member's five are spent").isEqualTo(429);
		assertThat(refused.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("5");
		assertThat(call(memberToken(member), null).getStatus().value()).as("their own session too").isEqualTo(429);

		assertThat(call(memberToken(UUID.randomUUID()), null).getStatus().value()).as("another member")
			.isEqualTo(200);
	}

	@Test
	void aMemberTokenIsLimitedByItsMember() {
		String token = memberToken(UUID.randomUUID());
		for (int i = 0; i < 5; i++) {
			assertThat(call(token, null).getStatus().value()).isEqualTo(200);
		}
		assertThat(call(token, null).getStatus().value()).isEqualTo(429);
	}

	@Test
	void callsWithoutATokenAreLimitedByAddressSignInAndTheTokenEndpointIncluded() {
		String address = nextAddress();
		assertThat(anonymous(HttpMethod.POST, "/api/v1/auth/login", address).getStatus().value()).isEqualTo(503);
		assertThat(anonymous(HttpMethod.POST, "/api/v1/auth/oauth2/token", address).getStatus().value())
			.as("the partner token endpoint is public (no 401) and counted").isEqualTo(503);
		EntityExchangeResult<String> refused = anonymous(HttpMethod.POST, "/api/v1/auth/oauth2/token", address);
		assertThat(refused.getStatus().value()).isEqualTo(429);
		assertThat(refused.getResponseHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
		assertThat(anonymous(HttpMethod.POST, "/api/v1/auth/login", address).getStatus().value()).isEqualTo(429);

		assertThat(anonymous(HttpMethod.POST, "/api/v1/auth/login", nextAddress()).getStatus().value())
			.as("another address").isEqualTo(503);
		// A member's token from the exhausted address is not counted against the address.
		assertThat(call(memberToken(UUID.randomUUID()), address).getStatus().value()).isEqualTo(200);
	}

	@Test
	void anIpv6ClientCountsByItsSlash64() {
		String prefix = "2001:db8:" + Integer.toHexString(ADDRESSES.incrementAndGet()) + ":1:";
		assertThat(anonymous(HttpMethod.POST, "/api/v1/auth/login", prefix + "0:0:0:1").getStatus().value())
			.isEqualTo(503);
		assertThat(anonymous(HttpMethod.POST, "/api/v1/auth/login", prefix + "aaaa:0:0:2").getStatus().value())
			.isEqualTo(503);
		assertThat(anonymous(HttpMethod.POST, "/api/v1/auth/login", prefix + "ffff:1:2:3").getStatus().value())
			.as("a third address of the same /64").isEqualTo(429);
	}

	@Test
	void aForgedTokenNamingSomeoneElsesClientSpendsNothingOfTheirs() throws Exception {
		UUID member = UUID.randomUUID();
		String client = "hc_" + UUID.randomUUID();
		RSAKey attacker = new RSAKeyGenerator(2048).keyID(KEY.getKeyID()).generate();
		for (int i = 0; i < 10; i++) {
			assertThat(call(sign(attacker, member, client), null).getStatus().value()).isEqualTo(401);
		}
		assertThat(call(clientToken(member, client), null).getStatus().value()).isEqualTo(200);
	}

	@Test
	void theRateLimitHeadersAreReadableByABrowserApp() {
		EntityExchangeResult<String> answer = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.build()
			.get()
			.uri("/api/v1/predictions")
			.header("Authorization", "Bearer " + memberToken(UUID.randomUUID()))
			.header("Origin", "http://localhost:5173")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(answer.getResponseHeaders().getAccessControlExposeHeaders()).contains("Retry-After",
				"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
	}

	@Test
	void addressesRotatedByAnAttackerKeepAtMostMaxTrackedBuckets() {
		for (int i = 0; i < 130; i++) {
			anonymous(HttpMethod.POST, "/api/v1/auth/login", nextAddress());
		}
		assertThat(limiter.addresses.tracked()).isEqualTo(100);
	}

	private EntityExchangeResult<String> call(String token, String address) {
		WebTestClient.RequestHeadersSpec<?> request = client().get()
			.uri("/api/v1/predictions")
			.header("Authorization", "Bearer " + token);
		if (address != null) {
			request = request.header("X-Forwarded-For", address);
		}
		return request.exchange().expectBody(String.class).returnResult();
	}

	private EntityExchangeResult<String> anonymous(HttpMethod method, String path, String address) {
		return client().method(method)
			.uri(path)
			.header("X-Forwarded-For", address)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	private static String nextAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "198.51." + (n >> 8 & 0xff) + "." + (n & 0xff);
	}

	private static String memberToken(UUID member) {
		return sign(KEY, member, null);
	}

	private static String clientToken(UUID member, String clientId) {
		return sign(KEY, member, clientId);
	}

	private static String sign(RSAKey key, UUID member, String clientId) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("hitter")
			.audience("hitter-api")
			.subject(member.toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of("MEMBER"));
		if (clientId != null) {
			claims.claim("client_id", clientId).claim("scope", List.of("predictions:read"));
		}
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims.build());
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer jwks() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			byte[] predictions = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
			server.createContext("/api/v1/predictions", exchange -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, predictions.length);
				exchange.getResponseBody().write(predictions);
				exchange.close();
			});
			server.createContext("/api/v1/auth/jwks", exchange -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
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
