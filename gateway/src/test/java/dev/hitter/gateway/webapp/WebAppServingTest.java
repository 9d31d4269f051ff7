package dev.hitter.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.hitter.tokenattacks.TokenAttacks;

/**
 * The web app as a browser gets it from the gateway (every backend unreachable): a deep link answers the app's
 * index.html so that a reload or a shared link works, with the headers that keep the page to its own origin — and
 * nothing that is not a page navigation ever gets the app instead of its real answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "HITTER_AUTH_URL=http://127.0.0.1:9", "HITTER_COMMUNITY_URL=http://127.0.0.1:9",
				"HITTER_PREDICTION_URL=http://127.0.0.1:9" })
@AutoConfigureWebTestClient
class WebAppServingTest {

	/** What Chromium sends when a person opens a link or reloads. */
	static final String NAVIGATION_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

	static final TokenAttacks TOKENS = TokenAttacks.start();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void keySet(DynamicPropertyRegistry registry) {
		registry.add("hitter.security.jwk-set-uri", () -> TOKENS.jwkSetUri().toString());
	}

	@AfterAll
	static void stopKeyServer() {
		TOKENS.close();
	}

	@Test
	void aDeepLinkAnswersTheAppThatIsNeverCachedStale() {
		client.get()
			.uri("/analyses/123")
			.header("Accept", NAVIGATION_ACCEPT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueEquals("Cache-Control", "no-cache")
			.expectHeader()
			.doesNotExist("Expires")
			.expectHeader()
			.value("Vary", vary -> assertThat(vary).contains("Accept"))
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("<div id=\"root\"></div>", "<title>HITTER</title>"));
	}

	@Test
	void theAppIsKeptToItsOwnOrigin() {
		for (String page : new String[] { "/", "/analyses/123", "/index.html" }) {
			client.get()
				.uri(page)
				.header("Accept", NAVIGATION_ACCEPT)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.value("Content-Security-Policy", csp -> assertThat(csp.split(";\\s*")).containsExactlyInAnyOrder(
						"default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob: data:",
						"media-src 'self' blob:", "font-src 'self' data:", "connect-src 'self'", "object-src 'none'",
						"frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"))
				.expectHeader()
				.valueEquals("Referrer-Policy", "same-origin")
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("Cache-Control", "no-cache");
		}
	}

	@Test
	void anUnknownApiPathStaysANotFoundProblemForABrowserToo() {
		client.get()
			.uri("/api/v1/nope")
			.header("Accept", NAVIGATION_ACCEPT)
			.header("Authorization", "Bearer " + TOKENS.validToken(UUID.randomUUID()))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hitter.dev/problems/not-found");
	}

	@Test
	void operatorPathsNeverAnswerTheApp() {
		for (String path : new String[] { "/actuator/nope", "/v3/api-docs/nope", "/webjars/nope.js", "/livez",
				"/readyz", "/swagger-ui/nope" }) {
			String body = client.get()
				.uri(path)
				.header("Accept", NAVIGATION_ACCEPT)
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(body).as(path).doesNotContain("id=\"root\"");
		}
	}

	@Test
	void aMissingAssetIsNotFoundAndNotTheApp() {
		String body = client.get()
			.uri("/assets/x.js")
			.header("Accept", NAVIGATION_ACCEPT)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.value("Cache-Control", cache -> assertThat(cache).doesNotContain("immutable"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain("id=\"root\"");
	}

	@Test
	void aPostToAnAppRouteIsNotTheApp() {
		String body = client.post()
			.uri("/analyses/123")
			.header("Accept", NAVIGATION_ACCEPT)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("title=x")
			.exchange()
			.expectStatus()
			.is4xxClientError()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain("id=\"root\"");
	}

	@Test
	void aScriptOrImageRequestForAMissingFileIsNotTheApp() {
		// Only a page navigation asks for text/html; a script tag or fetch() naming a wrong file must see a 404.
		client.get()
			.uri("/analyses/chunk.js")
			.header("Accept", "*/*")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void hashedAssetsAreCachedForAYear() {
		String index = client.get()
			.uri("/")
			.header("Accept", NAVIGATION_ACCEPT)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
		assertThat(script.find()).as("the built index.html names its hashed script:\n" + index).isTrue();
		client.get()
			.uri(script.group(1))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Cache-Control", "public, max-age=31536000, immutable")
			.expectHeader()
			.doesNotExist("Pragma")
			.expectHeader()
			.doesNotExist("Expires");
	}
}
