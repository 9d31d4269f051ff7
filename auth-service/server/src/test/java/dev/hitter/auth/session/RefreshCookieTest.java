package dev.hitter.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.hitter.auth.AuthApiTest;

/**
 * The web app's form of the session endpoints: with {@code X-Hitter-Session: cookie} the refresh token travels
 * only in an HttpOnly cookie; without that header the JSON form is unchanged and a cookie is ignored.
 */
class RefreshCookieTest extends AuthApiTest {

	private static final String SESSION_HEADER = "X-Hitter-Session";

	private static final String COOKIE = "hitter_refresh";

	@Test
	void loginWithTheSessionHeaderSetsTheRefreshTokenAsAStrictHttpOnlyCookieOnly() throws Exception {
		MockHttpServletResponse login = cookieLogin(uniqueEmail(), post("/api/v1/auth/login"));
		String setCookie = refreshSetCookie(login);
		long refreshExpiresIn = Long.parseLong(read(login.getContentAsString(), "$.refreshExpiresIn"));
		assertThat(setCookie).matches(COOKIE + "=[A-Za-z0-9_-]{43};.*")
			.contains("; Path=/api/v1/auth", "; HttpOnly", "; SameSite=Strict", "; Max-Age=" + refreshExpiresIn)
			.doesNotContain("Secure");
		assertThat(refreshExpiresIn).isPositive();
		// Page scripts never see the refresh token; the access token is answered as before.
		assertThat(login.getContentAsString()).doesNotContain(cookieValue(setCookie));
		assertThat(read(login.getContentAsString(), "$.accessToken")).isNotBlank();
		assertThat(login.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
	}

	@Test
	void loginWithoutTheSessionHeaderSetsNoCookieAndAnswersTheRefreshTokenAsJson() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "producer").andExpect(status().isAccepted());
		MockHttpServletResponse login = postJson("/api/v1/auth/login", Map.of("email", email, "password", STRONG_PASSWORD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(login.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
		assertThat(read(login.getContentAsString(), "$.refreshToken")).hasSize(43);
	}

	@Test
	void refreshWithTheCookieRotatesItAndSetsTheNewOne() throws Exception {
		String first = cookieValue(refreshSetCookie(cookieLogin(uniqueEmail(), post("/api/v1/auth/login"))));
		MockHttpServletResponse refreshed = mvc
			.perform(post("/api/v1/auth/refresh").header(SESSION_HEADER, "cookie").cookie(new Cookie(COOKIE, first)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(jsonPath("$.refreshToken").doesNotExist())
			.andReturn()
			.getResponse();
		String setCookie = refreshSetCookie(refreshed);
		String second = cookieValue(setCookie);
		assertThat(second).isNotEqualTo(first).hasSize(43);
		assertThat(setCookie).contains("; Path=/api/v1/auth", "; HttpOnly", "; SameSite=Strict",
				"; Max-Age=" + read(refreshed.getContentAsString(), "$.refreshExpiresIn"));
		mvc.perform(get("/api/v1/users/me")
			.header("Authorization", "Bearer " + read(refreshed.getContentAsString(), "$.accessToken")))
			.andExpect(status().isOk());

		// An empty JSON body is the same as none.
		mvc.perform(post("/api/v1/auth/refresh").header(SESSION_HEADER, "cookie")
			.cookie(new Cookie(COOKIE, second))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isOk());
	}

	@Test
	void refreshWithoutAUsableCookieIsRefusedAndClearsTheCookie() throws Exception {
		MockHttpServletResponse missing = mvc.perform(post("/api/v1/auth/refresh").header(SESSION_HEADER, "cookie"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-refresh-token"))
			.andReturn()
			.getResponse();
		assertCleared(refreshSetCookie(missing));

		MockHttpServletResponse unknown = mvc
			.perform(post("/api/v1/auth/refresh").header(SESSION_HEADER, "cookie")
				.cookie(new Cookie(COOKIE, "made-up-token")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-refresh-token"))
			.andReturn()
			.getResponse();
		assertCleared(refreshSetCookie(unknown));
	}

	@Test
	void aCookieWithoutTheSessionHeaderIsIgnored() throws Exception {
		String token = cookieValue(refreshSetCookie(cookieLogin(uniqueEmail(), post("/api/v1/auth/login"))));
		// No body: the JSON form wants one, whatever cookie comes along (a cross-site form cannot add the header).
		MockHttpServletResponse noBody = mvc.perform(post("/api/v1/auth/refresh").cookie(new Cookie(COOKIE, token)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse();
		assertThat(noBody.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
		mvc.perform(post("/api/v1/auth/refresh").cookie(new Cookie(COOKIE, token))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("refreshToken"));
		// The cookie was not spent by those attempts: the web app still refreshes with it.
		mvc.perform(post("/api/v1/auth/refresh").header(SESSION_HEADER, "cookie").cookie(new Cookie(COOKIE, token)))
			.andExpect(status().isOk());
	}

	@Test
	void logoutWithTheCookieClearsItAndEndsTheSession() throws Exception {
		MockHttpServletResponse login = cookieLogin(uniqueEmail(), post("/api/v1/auth/login"));
		String token = cookieValue(refreshSetCookie(login));
		MockHttpServletResponse logout = mvc
			.perform(post("/api/v1/auth/logout").header(SESSION_HEADER, "cookie")
				.header("Authorization", "Bearer " + read(login.getContentAsString(), "$.accessToken"))
				.cookie(new Cookie(COOKIE, token)))
			.andExpect(status().isNoContent())
			.andReturn()
			.getResponse();
		assertCleared(refreshSetCookie(logout));
		mvc.perform(post("/api/v1/auth/refresh").header(SESSION_HEADER, "cookie").cookie(new Cookie(COOKIE, token)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void logoutWithTheCookieStillNeedsTheAccessToken() throws Exception {
		String token = cookieValue(refreshSetCookie(cookieLogin(uniqueEmail(), post("/api/v1/auth/login"))));
		mvc.perform(post("/api/v1/auth/logout").header(SESSION_HEADER, "cookie").cookie(new Cookie(COOKIE, token)))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/auth/refresh").header(SESSION_HEADER, "cookie").cookie(new Cookie(COOKIE, token)))
			.andExpect(status().isOk());
	}

	@Test
	void cookieIsSecureWhenTheGatewaySaysTheRequestCameOverHttps() throws Exception {
		// What the gateway sends (seen from the real gateway): behind an HTTPS ingress it trusts, with its own
		// forwarded-header handling on, both headers say https; with only X-Forwarded-Proto, the gateway appends its
		// own scheme to the ingress's and the first one is the browser's.
		List<Map<String, String>> overHttps = List.of(
				Map.of("Forwarded", "proto=https;host=\"hitter.example\";for=\"10.0.0.7:51728\"", "X-Forwarded-Proto",
						"https,https"),
				Map.of("X-Forwarded-Proto", "https,http"), Map.of("X-Forwarded-Proto", "https"));
		for (Map<String, String> forwarded : overHttps) {
			assertThat(refreshSetCookie(cookieLogin(uniqueEmail(), withHeaders(post("/api/v1/auth/login"), forwarded))))
				.as(forwarded.toString())
				.contains("; Secure", "; HttpOnly", "; SameSite=Strict");
		}
		// Plain http://localhost: the gateway says http, or (trusting no proxy) sends no forwarded headers at all.
		List<Map<String, String>> overHttp = List.of(
				Map.of("Forwarded", "proto=http;host=\"localhost:8080\";for=\"127.0.0.1:51730\"", "X-Forwarded-Proto",
						"http"),
				Map.of());
		for (Map<String, String> forwarded : overHttp) {
			assertThat(refreshSetCookie(cookieLogin(uniqueEmail(), withHeaders(post("/api/v1/auth/login"), forwarded))))
				.as(forwarded.toString())
				.doesNotContain("Secure");
		}
	}

	private static MockHttpServletRequestBuilder withHeaders(MockHttpServletRequestBuilder request,
			Map<String, String> headers) {
		headers.forEach(request::header);
		return request;
	}

	@Test
	void apiDocumentsDescribeBothFormsOfTheSessionEndpoints() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		for (String endpoint : List.of("login", "refresh", "logout")) {
			String operation = "$.paths['/api/v1/auth/" + endpoint + "'].post";
			assertThat(read(docs, operation + ".summary")).as(endpoint).isNotBlank();
			assertThat(read(docs, operation + ".parameters[?(@.name == '" + SESSION_HEADER + "')].in"))
				.as(endpoint).contains("header");
			assertThat(read(docs, operation + ".responses")).as(endpoint).contains("401");
		}
		for (String endpoint : List.of("refresh", "logout")) {
			assertThat(read(docs, "$.paths['/api/v1/auth/" + endpoint + "'].post.parameters[?(@.name == '" + COOKIE
					+ "')].in")).as(endpoint).contains("cookie");
		}
		assertThat(read(docs, "$.paths['/api/v1/auth/login'].post.responses['200'].headers")).contains("Set-Cookie");
		assertThat(read(docs, "$.paths['/api/v1/auth/logout'].post.security")).contains("bearer");
		assertThat(read(docs, "$.components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
		assertThat(read(docs, "$.components.schemas.TokenPair.properties.refreshToken.description"))
			.contains("X-Hitter-Session");
	}

	private MockHttpServletResponse cookieLogin(String email, MockHttpServletRequestBuilder login) throws Exception {
		signUp(email, STRONG_PASSWORD, "Min-ji", "producer").andExpect(status().isAccepted());
		return mvc
			.perform(login.header(SESSION_HEADER, "cookie")
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(Map.of("email", email, "password", STRONG_PASSWORD))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.refreshToken").doesNotExist())
			.andReturn()
			.getResponse();
	}

	private static String refreshSetCookie(MockHttpServletResponse response) {
		List<String> cookies = response.getHeaders(HttpHeaders.SET_COOKIE)
			.stream()
			.filter(value -> value.startsWith(COOKIE + "="))
			.toList();
		assertThat(cookies).as("Set-Cookie " + COOKIE).hasSize(1);
		return cookies.get(0);
	}

	private static String cookieValue(String setCookie) {
		return setCookie.substring(COOKIE.length() + 1, setCookie.indexOf(';'));
	}

	private static void assertCleared(String setCookie) {
		assertThat(setCookie).startsWith(COOKIE + "=;").contains("; Path=/api/v1/auth", "; Max-Age=0", "; HttpOnly");
	}
}
