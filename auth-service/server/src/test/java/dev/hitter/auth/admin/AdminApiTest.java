package dev.hitter.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.audit.AuditTrail;
import dev.hitter.auth.signup.SignUpMember;

/** The administrators' API on the real database: members, the ADMIN role, the audit log — and members kept out. */
class AdminApiTest extends AuthApiTest {

	@Autowired
	SignUpMember signUpMember;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMemberIsRefusedEveryAdministratorOperation() throws Exception {
		String member = bearer(signUpAndLogIn(uniqueEmail()));
		String someone = UUID.randomUUID().toString();
		for (MockHttpServletRequestBuilder request : List.of(get("/api/v1/auth/admin/members"),
				get("/api/v1/auth/admin/members").param("q", "example"), get("/api/v1/auth/admin/members/" + someone),
				put("/api/v1/auth/admin/members/" + someone + "/roles/ADMIN"),
				delete("/api/v1/auth/admin/members/" + someone + "/roles/ADMIN"), get("/api/v1/auth/admin/audit"))) {
			mvc.perform(request.header("Authorization", member))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/forbidden")));
		}
		mvc.perform(get("/api/v1/auth/admin/audit")).andExpect(status().isUnauthorized());
	}

	@Test
	void anAdministratorFindsMembersByPartOfTheirAddressOrNameOnePageAtATime() throws Exception {
		String admin = adminBearer();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String email = "search-" + tag + "-" + i + "@example.com";
			emails.add(email);
			signUp(email, STRONG_PASSWORD, "Seo-yeon " + i, "producer");
		}
		signUp(uniqueEmail(), STRONG_PASSWORD, "Name " + tag.toUpperCase(), "label");

		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			var request = get("/api/v1/auth/admin/members").param("q", "SEARCH-" + tag).param("limit", "2");
			if (cursor != null) {
				request.param("cursor", cursor);
			}
			String page = mvc.perform(request.header("Authorization", admin))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			seen.addAll(JsonPath.read(page, "$.items[*].email"));
			assertThat(page).doesNotContain("password", "$argon2");
			cursor = JsonPath.read(page, "$.nextCursor");
			pages++;
		}
		while (cursor != null);
		assertThat(seen).containsExactlyElementsOf(emails);
		assertThat(pages).isEqualTo(3);

		// The display name is searched too, in any case.
		mvc.perform(get("/api/v1/auth/admin/members").param("q", "name " + tag).header("Authorization", admin))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].kind").value("label"))
			.andExpect(jsonPath("$.items[0].roles[0]").value("MEMBER"))
			.andExpect(jsonPath("$.items[0].emailVerified").value(false));
		// LIKE's wildcards are plain characters in a search.
		mvc.perform(get("/api/v1/auth/admin/members").param("q", "%").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(0));
	}

	@Test
	void oversizedOrControlCharacterSearchesAndForeignCursorsAreRefusedNamingTheField() throws Exception {
		String admin = adminBearer();
		for (Map.Entry<String, String> bad : List.of(Map.entry("q", "x".repeat(101)), Map.entry("q", "a\u0000b"),
				Map.entry("q", "line\nbreak"), Map.entry("cursor", "not a cursor"), Map.entry("cursor", "A".repeat(401)),
				Map.entry("limit", "0"), Map.entry("limit", "101"), Map.entry("limit", "ten"))) {
			mvc.perform(get("/api/v1/auth/admin/members").param(bad.getKey(), bad.getValue())
				.header("Authorization", admin))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/validation-failed")))
				.andExpect(jsonPath("$.errors[0].field").value(bad.getKey()));
		}
		for (Map.Entry<String, String> bad : List.of(Map.entry("kind", "login_failed"), Map.entry("kind", "X".repeat(41)),
				Map.entry("cursor", "-1"), Map.entry("cursor", "1 OR 1=1"), Map.entry("memberId", "not-a-uuid"))) {
			mvc.perform(get("/api/v1/auth/admin/audit").param(bad.getKey(), bad.getValue())
				.header("Authorization", admin))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/validation-failed")));
		}
		mvc.perform(get("/api/v1/auth/admin/members/not-a-uuid").header("Authorization", admin))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/auth/admin/members/" + UUID.randomUUID()).header("Authorization", admin))
			.andExpect(status().isNotFound());
	}

	@Test
	void grantingAndRevokingAdminIsRecordedWithWhoDidIt() throws Exception {
		String adminLogin = adminLogin();
		String admin = bearer(adminLogin);
		String adminId = read(accessClaims(adminLogin), "$.sub");
		String memberLogin = signUpAndLogIn(uniqueEmail());
		String memberId = read(accessClaims(memberLogin), "$.sub");

		mvc.perform(put("/api/v1/auth/admin/members/" + memberId + "/roles/ADMIN").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.containsInAnyOrder("ADMIN", "MEMBER")));
		// Granting twice changes nothing and records nothing more.
		mvc.perform(put("/api/v1/auth/admin/members/" + memberId + "/roles/ADMIN").header("Authorization", admin))
			.andExpect(status().isOk());
		// The new administrator's next token carries the role.
		String promoted = bearer(logIn(read(accessClaims(memberLogin), "$.email"), STRONG_PASSWORD));
		mvc.perform(get("/api/v1/auth/admin/members/" + adminId).header("Authorization", promoted))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.hasItem("ADMIN")));

		mvc.perform(delete("/api/v1/auth/admin/members/" + memberId + "/roles/ADMIN").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.contains("MEMBER")));

		List<Map<String, Object>> events = AuditTrail.eventsOf(mvc, admin, memberId);
		assertThat(events).filteredOn(event -> "ROLE_CHANGED".equals(event.get("kind")))
			.extracting(event -> event.get("detail") + " by " + event.get("actorId"))
			.containsExactly("ADMIN revoked by " + adminId, "ADMIN granted by " + adminId);
	}

	@Test
	void theLastAdministratorCannotLoseTheRoleNotEvenByThemselves() throws Exception {
		String adminLogin = adminLogin();
		String admin = bearer(adminLogin);
		String adminId = read(accessClaims(adminLogin), "$.sub");
		// Other tests of this JVM made administrators too: this one becomes the only one.
		for (String other : jdbc.sql("SELECT member_id FROM member_role WHERE role = 'ADMIN' AND member_id <> ?")
			.param(adminId)
			.query(String.class)
			.list()) {
			mvc.perform(delete("/api/v1/auth/admin/members/" + other + "/roles/ADMIN").header("Authorization", admin))
				.andExpect(status().isOk());
		}

		mvc.perform(delete("/api/v1/auth/admin/members/" + adminId + "/roles/ADMIN").header("Authorization", admin))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/last-administrator")));
		mvc.perform(get("/api/v1/auth/admin/members/" + adminId).header("Authorization", admin))
			.andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.hasItem("ADMIN")));
	}

	@Test
	void theAuditLogIsNewestFirstFilteredAndPagedWithoutGapsOrRepeats() throws Exception {
		String admin = adminBearer();
		String email = uniqueEmail();
		String memberId = read(accessClaims(signUpAndLogIn(email)), "$.sub");
		for (int i = 0; i < 4; i++) {
			logIn(email, STRONG_PASSWORD);
		}
		List<String> kinds = new ArrayList<>();
		List<String> times = new ArrayList<>();
		String cursor = null;
		do {
			var request = get("/api/v1/auth/admin/audit").param("memberId", memberId).param("limit", "2");
			if (cursor != null) {
				request.param("cursor", cursor);
			}
			String page = mvc.perform(request.header("Authorization", admin)).andReturn().getResponse()
				.getContentAsString();
			kinds.addAll(JsonPath.read(page, "$.items[*].kind"));
			times.addAll(JsonPath.read(page, "$.items[*].occurredAt"));
			cursor = JsonPath.read(page, "$.nextCursor");
		}
		while (cursor != null);
		assertThat(kinds).containsExactly("LOGIN_SUCCEEDED", "LOGIN_SUCCEEDED", "LOGIN_SUCCEEDED", "LOGIN_SUCCEEDED",
				"LOGIN_SUCCEEDED", "SIGNED_UP");
		assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

		mvc.perform(get("/api/v1/auth/admin/audit").param("memberId", memberId)
			.param("kind", "SIGNED_UP")
			.header("Authorization", admin))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.nextCursor").doesNotExist());
	}

	@Test
	void everyAdministratorsAndAuditOperationIsDocumentedWithSummaryTagsSecurityAndItsRefusals() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		Map<String, List<String>> due = Map.of(
				"$.paths['/api/v1/auth/admin/members'].get", List.of("200", "400", "401", "403"),
				"$.paths['/api/v1/auth/admin/members/{id}'].get", List.of("200", "400", "401", "403", "404"),
				"$.paths['/api/v1/auth/admin/members/{id}/roles/ADMIN'].put", List.of("200", "400", "401", "403", "404"),
				"$.paths['/api/v1/auth/admin/members/{id}/roles/ADMIN'].delete",
				List.of("200", "400", "401", "403", "404", "409"),
				"$.paths['/api/v1/auth/admin/audit'].get", List.of("200", "400", "401", "403"));
		due.forEach((operation, answers) -> {
			Map<String, Object> documented = JsonPath.read(docs, operation);
			assertThat((String) documented.get("summary")).as(operation).isNotBlank();
			assertThat((List<?>) documented.get("tags")).as(operation).isNotEmpty();
			assertThat((List<?>) documented.get("security")).as(operation).isNotEmpty();
			assertThat(((Map<?, ?>) documented.get("responses")).keySet().stream().map(String::valueOf).toList())
				.as(operation)
				.containsAll(answers);
		});
	}

	private String adminLogin() throws Exception {
		String email = "admin-" + UUID.randomUUID() + "@example.com";
		AuditTrail.administrator(signUpMember, email, STRONG_PASSWORD);
		return logIn(email, STRONG_PASSWORD);
	}

	private String adminBearer() throws Exception {
		return bearer(adminLogin());
	}

	private static String bearer(String login) {
		return "Bearer " + read(login, "$.accessToken");
	}
}
