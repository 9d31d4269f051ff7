package dev.hitter.auth.suspension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;

/**
 * Suspension and reinstatement by an administrator, and the revocation feed the other services and the gateway
 * follow: on the real service and database, tokens obtained from the real endpoints.
 */
@TestPropertySource(properties = "hitter.auth.service-clients.secrets.gateway=" + SuspensionAndRevocationApiTest.SECRET)
class SuspensionAndRevocationApiTest extends AuthApiTest {

	static final String SECRET = "test-secret-of-the-gateway-0123456789abcdef";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSuspendedMemberIsSignedOutRefusedAndCannotSignInUntilReinstated() throws Exception {
		String admin = administrator();
		String email = uniqueEmail();
		String login = signUpAndLogIn(email);
		UUID member = idOf(login);

		suspend(admin, member, "spam").andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/auth/admin/members/" + member).header("Authorization", bearer(admin)))
			.andExpect(jsonPath("$.suspendedAt").isNotEmpty())
			.andExpect(jsonPath("$.suspensionReason").value("spam"));

		profile(login).andExpect(status().isUnauthorized());
		postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(login, "$.refreshToken")))
			.andExpect(status().isUnauthorized());
		postJson("/api/v1/auth/login", Map.of("email", email, "password", STRONG_PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/account-suspended"));
		// Without the password, a suspended account answers like any other.
		postJson("/api/v1/auth/login", Map.of("email", email, "password", "not-the-password-1"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-credentials"));

		// An administrator reinstates a while later; the member signs in at once and is not sent back (tokens carry
		// whole seconds: only those issued before the suspension's next second stay refused).
		Thread.sleep(1100);
		mvc.perform(delete("/api/v1/auth/admin/members/" + member + "/suspension").header("Authorization", bearer(admin)))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/auth/admin/members/" + member).header("Authorization", bearer(admin)))
			.andExpect(jsonPath("$.suspendedAt").doesNotExist());
		String again = logIn(email, STRONG_PASSWORD);
		profile(again).andExpect(status().isOk());
		profile(login).andExpect(status().isUnauthorized());
	}

	@Test
	void onlyAdministratorsSuspendAndNeverThemselves() throws Exception {
		String admin = administrator();
		String member = signUpAndLogIn(uniqueEmail());
		String other = signUpAndLogIn(uniqueEmail());
		suspend(member, idOf(other), "because").andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/auth/admin/members/" + idOf(other) + "/suspension")
			.header("Authorization", bearer(member))).andExpect(status().isForbidden());
		suspend(admin, idOf(admin), "oops").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/cannot-suspend-self"));
		suspend(admin, UUID.randomUUID(), "nobody").andExpect(status().isNotFound());
		for (String reason : new String[] { "", " ", "x".repeat(501) }) {
			suspend(admin, idOf(other), reason).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reason"));
		}
		profile(other).andExpect(status().isOk());
	}

	@Test
	void theFeedListsDecisionsAfterACursorToServicesOnly() throws Exception {
		String admin = administrator();
		String login = signUpAndLogIn(uniqueEmail());
		UUID member = idOf(login);
		String service = serviceToken();
		String start = feed(service, 0).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long cursor = ((Number) JsonPath.read(start, "$.cursor")).longValue();
		while ((Boolean) JsonPath.read(start, "$.more")) {
			start = feed(service, cursor).andReturn().getResponse().getContentAsString();
			cursor = ((Number) JsonPath.read(start, "$.cursor")).longValue();
		}

		suspend(admin, member, "spam").andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/auth/admin/members/" + member + "/suspension").header("Authorization", bearer(admin)))
			.andExpect(status().isNoContent());

		String page = feed(service, cursor).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> members = JsonPath.read(page, "$.items[*].memberId");
		List<Object> notBefore = JsonPath.read(page, "$.items[*].notBefore");
		int first = members.indexOf(member.toString());
		assertThat(first).isNotNegative();
		assertThat(notBefore.get(first)).isNull();
		assertThat(members.lastIndexOf(member.toString())).isGreaterThan(first);
		assertThat(notBefore.get(members.lastIndexOf(member.toString()))).isNotNull();
		assertThat(((Number) JsonPath.read(page, "$.cursor")).longValue()).isGreaterThan(cursor);

		// Members (administrators too) and no token at all: refused.
		mvc.perform(get("/internal/v1/revocations").header("Authorization", bearer(admin)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/internal/v1/revocations")).andExpect(status().isUnauthorized());
		feed(service, -1).andExpect(status().isBadRequest());
	}

	private String administrator() throws Exception {
		String email = uniqueEmail();
		UUID id = idOf(signUpAndLogIn(email));
		jdbc.sql("INSERT INTO member_role (member_id, role) VALUES (?, 'ADMIN')").param(id.toString()).update();
		return logIn(email, STRONG_PASSWORD);
	}

	private String serviceToken() throws Exception {
		String answer = mvc.perform(post("/internal/v1/oauth2/token").with(request -> {
			request.addHeader("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString(("gateway:" + SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			return request;
		}).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=client_credentials"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return read(answer, "$.access_token");
	}

	private ResultActions feed(String serviceToken, long after) throws Exception {
		return mvc.perform(get("/internal/v1/revocations").param("after", String.valueOf(after))
			.header("Authorization", "Bearer " + serviceToken));
	}

	private ResultActions suspend(String admin, UUID member, String reason) throws Exception {
		return mvc.perform(post("/api/v1/auth/admin/members/" + member + "/suspension")
			.header("Authorization", bearer(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("reason", reason))));
	}

	private ResultActions profile(String login) throws Exception {
		return mvc.perform(get("/api/v1/auth/me/profile").header("Authorization", bearer(login)));
	}

	private static UUID idOf(String login) {
		return UUID.fromString(JsonPath.read(accessClaims(login), "$.sub"));
	}

	private static String bearer(String login) {
		return "Bearer " + read(login, "$.accessToken");
	}
}
