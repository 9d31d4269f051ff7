package dev.hitter.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.TestMailbox;
import dev.hitter.auth.session.MovableClock;
import dev.hitter.auth.signup.SignUpMember;
import dev.hitter.auth.twofactor.TestAuthenticator;
import dev.hitter.kit.clientaddress.ClientAddress;

/**
 * Every security flow leaves its event in the audit log, with where it came from (the address the gateway names,
 * the User-Agent) — and none of them leaves a password, token or code there. Read back through the administrators'
 * API on the real database.
 */
@Import(MovableClock.Configuration.class)
class AuditLogApiTest extends AuthApiTest {

	private static final String DEVICE = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	private static final String NEW_PASSWORD = "bridge-then-chorus-7";

	@Autowired
	MovableClock clock;

	@Autowired
	SignUpMember signUpMember;

	@Autowired
	JdbcClient jdbc;

	private final String address = "203.0.113." + (UUID.randomUUID().hashCode() & 0x7f);

	@Test
	void everySecurityFlowLeavesItsEventWithAddressAndDeviceButNoSecret() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist");
		String verification = TestMailbox.awaitToken(email, 1);
		postJson("/api/v1/auth/email-verification", Map.of("token", verification)).andExpect(status().isNoContent());
		login(email, "not-the-password-1").andExpect(status().isUnauthorized());
		String first = login(email, STRONG_PASSWORD).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String second = login(email, STRONG_PASSWORD).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String memberId = subject(first);

		// Two-factor on, then off with a later code.
		String secret = read(as(first, post("/api/v1/auth/me/two-factor/setup")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$.secret");
		String enableCode = code(secret);
		String recovery = as(first, post("/api/v1/auth/me/two-factor/enable"), Map.of("code", enableCode))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		clock.advance(Duration.ofSeconds(TestAuthenticator.PERIOD_SECONDS));
		String disableCode = code(secret);
		as(first, post("/api/v1/auth/me/two-factor/disable"), Map.of("password", STRONG_PASSWORD, "code", disableCode))
			.andExpect(status().isNoContent());

		// Sessions: the second one ended by the first, then a wrong and a right password change.
		as(first, delete("/api/v1/auth/sessions").param("others", "true")).andExpect(status().isNoContent());
		as(first, post("/api/v1/auth/me/password"), Map.of("currentPassword", "wrong-password-99", "newPassword",
				NEW_PASSWORD)).andExpect(status().isForbidden());
		as(first, post("/api/v1/auth/me/password"), Map.of("currentPassword", STRONG_PASSWORD, "newPassword",
				NEW_PASSWORD)).andExpect(status().isNoContent());

		String admin = adminBearer();
		List<Map<String, Object>> events = AuditTrail.eventsOf(mvc, admin, memberId);
		assertThat(events).extracting(event -> event.get("kind"))
			.containsExactly("PASSWORD_CHANGED", "PASSWORD_CHANGE_REFUSED", "SESSION_ENDED", "TWO_FACTOR_DISABLED",
					"TWO_FACTOR_ENABLED", "LOGIN_SUCCEEDED", "LOGIN_SUCCEEDED", "LOGIN_FAILED", "EMAIL_VERIFIED",
					"SIGNED_UP");
		// Everything the member did through "the gateway" names their address and device.
		assertThat(events.subList(0, events.size() - 2)).allSatisfy(event -> {
			assertThat(event.get("clientAddress")).isEqualTo(address);
			assertThat(event.get("userAgent")).isEqualTo(DEVICE);
			assertThat(event.get("source")).isEqualTo("auth-service");
			assertThat(event.get("memberId")).isEqualTo(memberId);
		});
		assertThat(events.get(7).get("detail")).isEqualTo("wrong password");

		String everything = String.join("\n", jdbc.sql("SELECT CONCAT_WS('|', id, kind, source, member_id, actor_id, "
				+ "client_address, user_agent, detail) FROM audit_event").query(String.class).list());
		assertThat(everything).doesNotContain(STRONG_PASSWORD, NEW_PASSWORD, "not-the-password-1", "wrong-password-99",
				verification, secret, enableCode, disableCode, read(first, "$.refreshToken"),
				read(second, "$.refreshToken"), read(first, "$.accessToken"), email);
		for (Object code : (List<?>) com.jayway.jsonpath.JsonPath.read(recovery, "$.recoveryCodes")) {
			assertThat(everything).doesNotContain(code.toString());
		}
	}

	@Test
	void aFailedSignInForAnUnknownAddressIsRecordedWithoutTheAddressTyped() throws Exception {
		String typed = "nobody-" + UUID.randomUUID() + "@example.com";
		login(typed, "hunter2-typed-in-the-wrong-box").andExpect(status().isUnauthorized());

		String events = mvc.perform(get("/api/v1/auth/admin/audit").param("kind", "LOGIN_FAILED")
			.param("limit", "100")
			.header("Authorization", adminBearer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> mine = com.jayway.jsonpath.JsonPath.read(events,
				"$.items[?(@.clientAddress == '" + address + "')]");
		assertThat(mine).singleElement().satisfies(event -> {
			assertThat(event.get("memberId")).isNull();
			assertThat(event.get("detail")).isEqualTo("unknown address");
		});
		assertThat(events).doesNotContain(typed, "hunter2");
	}

	@Test
	void aPasswordResetAndAnEmailChangeAreRecorded() throws Exception {
		String email = uniqueEmail();
		String login = signUpAndLogIn(email);
		String memberId = subject(login);
		postJson("/api/v1/auth/password-reset", Map.of("email", email)).andExpect(status().isAccepted());
		String reset = TestMailbox.awaitToken(email, 2);
		mvc.perform(post("/api/v1/auth/password-reset/confirm").header(ClientAddress.HEADER, address)
			.header("User-Agent", DEVICE)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("token", reset, "newPassword", NEW_PASSWORD)))).andExpect(status().isNoContent());

		String relogin = login(email, NEW_PASSWORD).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String newEmail = uniqueEmail();
		as(relogin, post("/api/v1/auth/me/email"), Map.of("currentPassword", NEW_PASSWORD, "newEmail", newEmail))
			.andExpect(status().isAccepted());
		as(relogin, post("/api/v1/auth/email-change/confirm"), Map.of("token", TestMailbox.awaitToken(newEmail, 1)))
			.andExpect(status().isNoContent());

		List<Map<String, Object>> events = AuditTrail.eventsOf(mvc, adminBearer(), memberId);
		assertThat(events).extracting(event -> event.get("kind"))
			.containsSubsequence("EMAIL_CHANGED", "LOGIN_SUCCEEDED", "PASSWORD_RESET");
		assertThat(events.toString()).doesNotContain(email, newEmail, reset, NEW_PASSWORD);
	}

	@Test
	void aThrottledSignInIsRecordedForTheMember() throws Exception {
		String email = uniqueEmail();
		String memberId = subject(signUpAndLogIn(email));
		int status = 0;
		for (int attempt = 0; attempt < 40 && status != 429; attempt++) {
			status = login(email, "guess-" + attempt).andReturn().getResponse().getStatus();
		}
		assertThat(status).isEqualTo(429);
		assertThat(AuditTrail.eventsOf(mvc, adminBearer(), memberId)).extracting(event -> event.get("kind"))
			.contains("LOGIN_THROTTLED", "LOGIN_FAILED");
	}

	private String adminBearer() throws Exception {
		String email = "admin-" + UUID.randomUUID() + "@example.com";
		AuditTrail.administrator(signUpMember, email, STRONG_PASSWORD);
		return "Bearer " + read(logIn(email, STRONG_PASSWORD), "$.accessToken");
	}

	private ResultActions login(String email, String password) throws Exception {
		return mvc.perform(post("/api/v1/auth/login").header(ClientAddress.HEADER, address)
			.header("User-Agent", DEVICE)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("email", email, "password", password))));
	}

	private ResultActions as(String login,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + read(login, "$.accessToken"))
			.header(ClientAddress.HEADER, address)
			.header("User-Agent", DEVICE));
	}

	private ResultActions as(String login,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Map<String, ?> body)
			throws Exception {
		return as(login, request.contentType(MediaType.APPLICATION_JSON).content(json(body)));
	}

	private String code(String secret) {
		return TestAuthenticator.code(secret, clock.instant());
	}

	private static String subject(String login) {
		return read(accessClaims(login), "$.sub");
	}
}
