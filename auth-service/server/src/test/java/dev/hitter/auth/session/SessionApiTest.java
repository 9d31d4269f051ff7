package dev.hitter.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;

class SessionApiTest extends AuthApiTest {

	@Test
	void loggedInMemberReadsTheirProfile() throws Exception {
		String email = uniqueEmail();
		String tokens = signUpAndLogIn(email);
		assertThat(read(tokens, "$.tokenType")).isEqualTo("Bearer");
		assertThat(Long.parseLong(read(tokens, "$.expiresIn"))).isBetween(1L, 900L);
		mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + read(tokens, "$.accessToken")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.kind").value("producer"));
	}

	@Test
	void accessTokenIsRs256WithAKeyIdAndTheMembersRoles() throws Exception {
		String token = read(signUpAndLogIn(uniqueEmail()), "$.accessToken");
		String[] parts = token.split("\\.");
		String header = new String(Base64.getUrlDecoder().decode(parts[0]));
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
		assertThat((String) JsonPath.read(header, "$.alg")).isEqualTo("RS256");
		assertThat((String) JsonPath.read(header, "$.kid")).isNotBlank();
		assertThat(JsonPath.<java.util.List<String>>read(claims, "$.roles")).containsExactly("MEMBER");
		assertThat((String) JsonPath.read(claims, "$.iss")).isEqualTo("hitter");
	}

	@Test
	void wrongPasswordAndUnknownEmailLookTheSame() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist").andExpect(status().isAccepted());
		String wrongPassword = postJson("/api/v1/auth/login", Map.of("email", email, "password", "not-my-password-1"))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknownEmail = postJson("/api/v1/auth/login",
				Map.of("email", uniqueEmail(), "password", "not-my-password-1"))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String field : new String[] { "$.type", "$.title", "$.status", "$.detail" }) {
			assertThat(read(wrongPassword, field)).isEqualTo(read(unknownEmail, field));
		}
		assertThat(read(wrongPassword, "$.type")).isEqualTo("https://hitter.dev/problems/invalid-credentials");
	}

	@Test
	void refreshRotatesTheTokenAndASpentOneEndsTheSession() throws Exception {
		String first = signUpAndLogIn(uniqueEmail());
		String spent = read(first, "$.refreshToken");
		String second = postJson("/api/v1/auth/refresh", Map.of("refreshToken", spent)).andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String renewed = read(second, "$.refreshToken");
		assertThat(renewed).isNotEqualTo(spent);
		mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + read(second, "$.accessToken")))
			.andExpect(status().isOk());

		String latest = read(postJson("/api/v1/auth/refresh", Map.of("refreshToken", renewed))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.refreshToken");

		// The first spent token comes back (stolen?) — no longer the one rotated last, so the reuse grace
		// (RefreshGraceTest) does not cover it: refused, and the latest one dies with it.
		postJson("/api/v1/auth/refresh", Map.of("refreshToken", spent)).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-refresh-token"));
		postJson("/api/v1/auth/refresh", Map.of("refreshToken", latest)).andExpect(status().isUnauthorized());
	}

	@Test
	void unknownRefreshTokenIsRefused() throws Exception {
		postJson("/api/v1/auth/refresh", Map.of("refreshToken", "made-up-token")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-refresh-token"));
	}

	@Test
	void logoutEndsTheSession() throws Exception {
		String tokens = signUpAndLogIn(uniqueEmail());
		mvc.perform(post("/api/v1/auth/logout").header("Authorization", "Bearer " + read(tokens, "$.accessToken"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("refreshToken", read(tokens, "$.refreshToken"))))).andExpect(status().isNoContent());
		postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(tokens, "$.refreshToken")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void profileNeedsAValidToken() throws Exception {
		mvc.perform(get("/api/v1/users/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/unauthorized"));
		String token = read(signUpAndLogIn(uniqueEmail()), "$.accessToken");
		String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
		mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + tampered))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void jwksPublishesOnlyPublicKeys() throws Exception {
		mvc.perform(get("/api/v1/auth/jwks"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keys[0].kty").value("RSA"))
			.andExpect(jsonPath("$.keys[0].kid").isNotEmpty())
			.andExpect(jsonPath("$.keys[0].n").isNotEmpty())
			.andExpect(jsonPath("$.keys[0].d").doesNotExist())
			.andExpect(jsonPath("$.keys[0].p").doesNotExist());
	}
}
