package dev.hitter.auth.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import dev.hitter.auth.AuthApiTest;

/**
 * "Download my data" on the real service and database, the other services' parts served by stand-ins that check
 * auth-service's service token: the archive's entries and contents, and a 503 problem (never a partial archive) when a
 * service is down.
 */
class MemberDataExportApiTest extends AuthApiTest {

	static final AtomicBoolean COMMUNITY_DOWN = new AtomicBoolean();

	static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

	static final HttpServer SERVICES = standIn();

	@DynamicPropertySource
	static void standIns(DynamicPropertyRegistry registry) {
		String url = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
		registry.add("hitter.internal.community-url", () -> url + "/community");
		registry.add("hitter.internal.prediction-url", () -> url + "/prediction");
	}

	@AfterAll
	static void stop() {
		SERVICES.stop(0);
	}

	@Test
	void theArchiveHoldsTheProfileAndEachServicesPart() throws Exception {
		String email = uniqueEmail();
		String login = signUpAndLogIn(email);
		String member = JsonPath.read(accessClaims(login), "$.sub");
		byte[] zip = mvc.perform(get("/api/v1/auth/me/export").header("Authorization", bearer(login)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/zip"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		Map<String, String> entries = unzip(zip);
		assertThat(entries).containsOnlyKeys("README.txt", "profile.json", "predictions.json", "community.json");
		String profile = entries.get("profile.json");
		assertThat((String) JsonPath.read(profile, "$.email")).isEqualTo(email);
		assertThat((String) JsonPath.read(profile, "$.displayName")).isEqualTo("Min-ji");
		assertThat((Boolean) JsonPath.read(profile, "$.twoFactorEnabled")).isFalse();
		assertThat((List<?>) JsonPath.read(profile, "$.sessions")).hasSize(1);
		assertThat(profile).doesNotContain("password", "argon", "totp");
		assertThat(entries.get("predictions.json")).isEqualTo("{\"member\":\"" + member + "\",\"analyses\":[]}");
		assertThat(entries.get("community.json")).isEqualTo("{\"member\":\"" + member + "\",\"posts\":[]}");
		assertThat(AUTHORIZATIONS).isNotEmpty().allSatisfy(authorization -> {
			String claims = new String(java.util.Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]),
					StandardCharsets.UTF_8);
			assertThat((String) JsonPath.read(claims, "$.sub")).isEqualTo("service:auth-service");
		});
	}

	@Test
	void aServiceThatIsDownMeans503BeforeAnyByte() throws Exception {
		String login = signUpAndLogIn(uniqueEmail());
		COMMUNITY_DOWN.set(true);
		try {
			mvc.perform(get("/api/v1/auth/me/export").header("Authorization", bearer(login))
				.header("Accept", "application/zip"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/dependency-unavailable"))
				.andExpect(header().doesNotExist("Content-Disposition"));
		}
		finally {
			COMMUNITY_DOWN.set(false);
		}
	}

	@Test
	void withoutATokenThereIsNoArchive() throws Exception {
		mvc.perform(get("/api/v1/auth/me/export")).andExpect(status().isUnauthorized());
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

	private static String bearer(String login) {
		return "Bearer " + read(login, "$.accessToken");
	}

	private static HttpServer standIn() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", exchange -> {
				String path = exchange.getRequestURI().getPath();
				AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
				String member = path.replaceAll(".*/members/([^/]+)/export$", "$1");
				boolean community = path.startsWith("/community/");
				if (community && COMMUNITY_DOWN.get()) {
					exchange.sendResponseHeaders(503, -1);
					exchange.close();
					return;
				}
				byte[] body = (community ? "{\"member\":\"" + member + "\",\"posts\":[]}"
						: "{\"member\":\"" + member + "\",\"analyses\":[]}").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
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
