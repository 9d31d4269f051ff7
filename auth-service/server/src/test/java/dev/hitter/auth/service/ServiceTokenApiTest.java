package dev.hitter.auth.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;

/** The token endpoint services get their service tokens from, by OAuth2 client credentials. */
@TestPropertySource(properties = { "hitter.auth.service-clients.secrets.prediction-service=" + ServiceTokenApiTest.SECRET,
		"hitter.auth.service-clients.secrets.community-service=", "hitter.outbox.poll-interval=200ms",
		"hitter.outbox.initial-backoff=200ms" })
public class ServiceTokenApiTest extends AuthApiTest {

	static final String SECRET = "test-secret-of-prediction-service-0123456789";

	static final String TOKEN = "/internal/v1/oauth2/token";

	@Test
	void aServiceWithItsSecretGetsAShortLivedTokenForInternalCallsOnly() throws Exception {
		String answer = mvc.perform(tokenRequest("prediction-service", SECRET, "client_credentials"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(jsonPath("$.token_type").value("Bearer"))
			.andExpect(jsonPath("$.expires_in").value(300))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String claims = claimsOf(JsonPath.read(answer, "$.access_token"));
		// One audience is written as a string (RFC 7519 allows both forms).
		assertThat(String.valueOf((Object) JsonPath.read(claims, "$.aud"))).isIn("hitter-internal", "[\"hitter-internal\"]");
		assertThat((String) JsonPath.read(claims, "$.sub")).isEqualTo("service:prediction-service");
		assertThat((List<String>) JsonPath.read(claims, "$.roles")).containsExactly("SERVICE");
		assertThat((String) JsonPath.read(claims, "$.iss")).isEqualTo("hitter");
		long lifetime = ((Number) JsonPath.read(claims, "$.exp")).longValue()
				- ((Number) JsonPath.read(claims, "$.iat")).longValue();
		assertThat(lifetime).isEqualTo(300);
	}

	@Test
	void aWrongSecretIsRefusedAsAnInvalidClient() throws Exception {
		isInvalidClient(tokenRequest("prediction-service", SECRET + "x", "client_credentials"));
		isInvalidClient(tokenRequest("prediction-service", SECRET.substring(1), "client_credentials"));
	}

	@Test
	void anUnknownClientOneWithoutASecretAndNoCredentialsAreRefusedAlike() throws Exception {
		isInvalidClient(tokenRequest("attacker-service", SECRET, "client_credentials"));
		// community-service is known by name, but has no secret set here: nobody gets its tokens, not even with "".
		isInvalidClient(tokenRequest("community-service", "", "client_credentials"));
		isInvalidClient(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=client_credentials"));
		isInvalidClient(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header(HttpHeaders.AUTHORIZATION, "Basic !!!not-base64")
			.content("grant_type=client_credentials"));
	}

	@Test
	void onlyTheClientCredentialsGrantIsSpoken() throws Exception {
		mvc.perform(tokenRequest("prediction-service", SECRET, "password"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/unsupported-grant-type"))
			.andExpect(jsonPath("$.error").value("unsupported_grant_type"))
			.andExpect(jsonPath("$.errors[0].field").value("grant_type"));
	}

	@Test
	void aServiceTokenIsNoMembersToken() throws Exception {
		String answer = mvc.perform(tokenRequest("prediction-service", SECRET, "client_credentials"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = JsonPath.read(answer, "$.access_token");
		// auth-service takes service tokens on /internal (the revocation feed, audit events): on member paths they are
		// refused by the kit's path rules, 403 as in every service.
		mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/forbidden"));
	}

	@Test
	void aMembersTokenGetsNoServiceToken() throws Exception {
		String login = signUpAndLogIn(uniqueEmail());
		mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + read(login, "$.accessToken"))
			.content("grant_type=client_credentials"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-client"));
	}

	private void isInvalidClient(MockHttpServletRequestBuilder request) throws Exception {
		mvc.perform(request)
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"hitter-internal\""))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-client"))
			.andExpect(jsonPath("$.error").value("invalid_client"))
			.andExpect(jsonPath("$.access_token").doesNotExist());
	}

	static MockHttpServletRequestBuilder tokenRequest(String client, String secret, String grantType) {
		String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
			.content("grant_type=" + grantType);
	}

	static String claimsOf(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
	}
}
