package dev.hitter.auth.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.kit.revocation.RevocationFeed;
import dev.hitter.kit.revocation.RevokedMembers;

/**
 * Partner access and API clients on the real service and database: asking and the administrators' decisions, clients
 * and their secrets, the OAuth2 client-credentials token endpoint, revocation — and the attacks of issue 14.
 */
class PartnerApiTest extends AuthApiTest {

	static final String TOKEN = "/api/v1/auth/oauth2/token";

	static final String PROBLEMS = "https://hitter.dev/problems/";

	@Autowired
	JdbcClient jdbc;

	// --- partner access ---

	@Test
	void aVerifiedMemberAsksAndAnAdministratorApproves() throws Exception {
		String admin = administrator();
		String login = signUpVerifyAndLogIn(uniqueEmail());
		UUID member = idOf(login);
		mvc.perform(get("/api/v1/auth/partner-access").header("Authorization", bearer(login)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NONE"))
			.andExpect(jsonPath("$.organisation").doesNotExist());

		ask(login, "Seoul Beats", "https://seoulbeats.example", "Score our catalogue").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.organisation").value("Seoul Beats"))
			.andExpect(jsonPath("$.requestedAt").isNotEmpty());
		ask(login, "Seoul Beats", null, "Again").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "partner-access-exists"));

		String queue = mvc.perform(get("/api/v1/auth/admin/partner-access").param("status", "PENDING")
			.header("Authorization", bearer(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> waiting = JsonPath.read(queue, "$.items[*].memberId");
		assertThat(waiting).contains(member.toString());
		mvc.perform(get("/api/v1/auth/admin/partner-access").header("Authorization", bearer(login)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/auth/admin/partner-access").param("status", "MAYBE").header("Authorization", bearer(admin)))
			.andExpect(status().isBadRequest());
		decide(login, member, "approval", null).andExpect(status().isForbidden());

		decide(admin, member, "approval", "Welcome").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decisionNote").value("Welcome"))
			.andExpect(jsonPath("$.email").isNotEmpty());
		mvc.perform(get("/api/v1/auth/partner-access").header("Authorization", bearer(login)))
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decidedAt").isNotEmpty());
		ask(login, "Seoul Beats", null, "Again").andExpect(status().isConflict());
		assertThat(auditKinds(member)).contains("PARTNER_ACCESS_REQUESTED", "PARTNER_ACCESS_APPROVED");
		decide(admin, UUID.randomUUID(), "approval", null).andExpect(status().isNotFound());
	}

	@Test
	void onlyAVerifiedMemberMayAskAndARejectedOneMayAskAgain() throws Exception {
		String admin = administrator();
		String unverified = signUpAndLogIn(uniqueEmail());
		ask(unverified, "Label", null, "Tools").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "email-unverified"));

		String login = signUpVerifyAndLogIn(uniqueEmail());
		UUID member = idOf(login);
		ask(login, "", null, "x").andExpect(status().isBadRequest());
		ask(login, "Label", "javascript:alert(1)", "x").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("website"));
		ask(login, "x".repeat(121), null, "x").andExpect(status().isBadRequest());
		ask(login, "Label", null, "x".repeat(1001)).andExpect(status().isBadRequest());
		ask(login, "Label", null, "Tools").andExpect(status().isCreated());

		decide(admin, member, "rejection", "").andExpect(status().isBadRequest());
		decide(admin, member, "revocation", "not yet").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "partner-access-state"));
		decide(admin, member, "rejection", "Tell us more").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"));
		createClient(login, "tool", List.of("predictions:read")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "partner-access-required"));
		ask(login, "Label", "https://label.example", "Batch scoring of demos").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.decisionNote").doesNotExist());
		assertThat(auditKinds(member)).contains("PARTNER_ACCESS_REJECTED");
	}

	// --- clients and the token endpoint ---

	@Test
	void aPartnerCreatesAClientAndGetsAScopedTokenForTheirMember() throws Exception {
		String login = partner();
		UUID member = idOf(login);
		String created = createClient(login, "Catalogue tool", List.of("jobs:write", "predictions:read"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
			.andExpect(jsonPath("$.tokenUrl").value(PUBLIC_URL + TOKEN))
			.andExpect(jsonPath("$.scopes[0]").value("predictions:read"))
			.andExpect(jsonPath("$.scopes[1]").value("jobs:write"))
			.andReturn().getResponse().getContentAsString();
		String clientId = read(created, "$.clientId");
		String secret = read(created, "$.clientSecret");
		assertThat(clientId).matches("hc_[0-9A-Za-z]{24}");
		assertThat(secret).matches("hs_[A-Za-z0-9_-]{43}");
		String stored = jdbc.sql("SELECT secret_hash FROM partner_client WHERE client_id = ?").param(clientId)
			.query(String.class).single();
		assertThat(stored).startsWith("hmac-sha256:").doesNotContain(secret.substring(3));

		String list = mvc.perform(get("/api/v1/auth/partner-clients").header("Authorization", bearer(login)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(clientId).doesNotContain(secret).doesNotContain("hmac");

		// client_secret_basic, no scope asked: every scope of the client.
		String answer = token(clientId, secret, null).andExpect(status().isOk())
			.andExpect(jsonPath("$.token_type").value("Bearer"))
			.andExpect(jsonPath("$.expires_in").value(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.greaterThan(590), org.hamcrest.Matchers.lessThanOrEqualTo(600))))
			.andReturn().getResponse().getContentAsString();
		assertThat(read(answer, "$.scope").split(" ")).containsExactlyInAnyOrder("predictions:read", "jobs:write");
		String claims = claims(read(answer, "$.access_token"));
		assertThat(read(claims, "$.sub")).isEqualTo(member.toString());
		assertThat(read(claims, "$.client_id")).isEqualTo(clientId);
		assertThat(read(claims, "$.iss")).isEqualTo("hitter");
		// One audience is written as a string, as in member tokens.
		assertThat(JsonPath.read(claims, "$.aud").toString()).contains("hitter-api");
		assertThat((List<String>) JsonPath.read(claims, "$.roles")).containsExactly("MEMBER");
		assertThat((List<String>) JsonPath.read(claims, "$.scope")).containsExactlyInAnyOrder("predictions:read",
				"jobs:write");
		assertThat(read(claims, "$.name")).isEqualTo("Min-ji");
		assertThat((Boolean) JsonPath.read(claims, "$.email_verified")).isTrue();
		assertThat(read(claims, "$.jti")).isNotBlank();
		long iat = ((Number) JsonPath.read(claims, "$.iat")).longValue();
		assertThat(((Number) JsonPath.read(claims, "$.exp")).longValue() - iat).isEqualTo(600);
		// Signed with a key the JWKS endpoint publishes, like member tokens.
		String header = new String(Base64.getUrlDecoder().decode(read(answer, "$.access_token").split("\\.")[0]),
				StandardCharsets.UTF_8);
		assertThat(read(header, "$.alg")).isEqualTo("RS256");
		String jwks = mvc.perform(get("/api/v1/auth/jwks")).andReturn().getResponse().getContentAsString();
		assertThat((List<String>) JsonPath.read(jwks, "$.keys[*].kid")).contains(read(header, "$.kid"));

		// client_secret_post and a narrower scope.
		String narrow = mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("grant_type=client_credentials&scope=predictions:read&client_id=" + clientId + "&client_secret="
					+ secret))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(read(narrow, "$.scope")).isEqualTo("predictions:read");
		assertThat((List<String>) JsonPath.read(claims(read(narrow, "$.access_token")), "$.scope"))
			.containsExactly("predictions:read");
		// A scope the client does not hold.
		token(clientId, secret, "predictions:write").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_scope"));
		mvc.perform(post(TOKEN).header("Authorization", basic(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=password&username=a&password=b"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("unsupported_grant_type"));

		String after = mvc.perform(get("/api/v1/auth/partner-clients").header("Authorization", bearer(login)))
			.andReturn().getResponse().getContentAsString();
		assertThat((List<Object>) JsonPath.read(after, "$.items[?(@.clientId == '" + clientId + "')].lastTokenAt"))
			.doesNotContainNull();
		assertThat(auditKinds(member)).contains("PARTNER_CLIENT_CREATED");
	}

	@Test
	void aGuessedOrMissingSecretIsAnInvalidClient() throws Exception {
		String login = partner();
		String created = createClient(login, "tool", List.of("predictions:read")).andReturn().getResponse()
			.getContentAsString();
		String clientId = read(created, "$.clientId");
		String secret = read(created, "$.clientSecret");
		for (String guess : new String[] { "hs_" + "A".repeat(43), secret.substring(0, secret.length() - 1),
				secret + "x", secret.toUpperCase(java.util.Locale.ROOT) }) {
			token(clientId, guess, null).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.error").value("invalid_client"))
				.andExpect(jsonPath("$.access_token").doesNotExist());
		}
		// An empty secret is a malformed request (RFC 6749 invalid_request), never a token.
		token(clientId, "", null).andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.access_token").doesNotExist());
		token("hc_" + "x".repeat(24), secret, null).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("invalid_client"));
		mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=client_credentials"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void malformedTokenRequestsAreRefusedInOAuthTerms() throws Exception {
		String login = partner();
		String created = createClient(login, "reader", List.of("predictions:read")).andReturn().getResponse()
			.getContentAsString();
		String id = read(created, "$.clientId");
		String secret = read(created, "$.clientSecret");
		String grant = "grant_type=client_credentials";
		Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
		cases.put("a 10 KB client id", new Object[] { basic("hc_" + "x".repeat(10_000), "s"), grant, 401 });
		cases.put("Basic that is not Base64", new Object[] { "Basic %%%not-base64%%%", grant, 400 });
		cases.put("Basic without a secret", new Object[] {
				"Basic " + Base64.getEncoder().encodeToString("hc_only-an-id".getBytes(StandardCharsets.UTF_8)), grant,
				400 });
		cases.put("the authorization-code grant", new Object[] { basic(id, secret),
				"grant_type=authorization_code&code=x&redirect_uri=https://attacker.example", 400 });
		cases.put("no grant type", new Object[] { basic(id, secret), "scope=predictions:read", 400 });
		cases.put("a made-up scope", new Object[] { basic(id, secret), grant + "&scope=admin", 400 });
		cases.put("credentials in the header and in the form",
				new Object[] { basic(id, secret), grant + "&client_id=" + id + "&client_secret=" + secret, 400 });
		cases.put("a 1 MB form", new Object[] { basic(id, secret), grant + "&scope=" + "predictions:read+".repeat(60_000),
				400 });
		cases.put("the victim's client id and no secret", new Object[] { null, grant + "&client_id=" + id, 401 });
		for (Map.Entry<String, Object[]> entry : cases.entrySet()) {
			Object[] c = entry.getValue();
			var request = post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED).content((String) c[1]);
			if (c[0] != null) {
				request.header("Authorization", c[0]);
			}
			var answer = mvc.perform(request).andReturn().getResponse();
			assertThat(answer.getStatus()).as(entry.getKey() + ": " + answer.getContentAsString()).isEqualTo(c[2]);
			assertThat(answer.getContentType()).as(entry.getKey()).startsWith("application/json");
			assertThat(read(answer.getContentAsString(), "$.error")).as(entry.getKey()).isNotBlank();
		}
		var json = mvc.perform(post(TOKEN).header("Authorization", basic(id, secret))
			.contentType(MediaType.APPLICATION_JSON).content("{\"grant_type\":\"client_credentials\"}"))
			.andReturn().getResponse();
		assertThat(json.getStatus()).isBetween(400, 499);
		var byGet = mvc.perform(get(TOKEN + "?" + grant).header("Authorization", basic(id, secret))).andReturn()
			.getResponse();
		assertThat(byGet.getStatus()).as(byGet.getContentAsString()).isBetween(400, 499);
		assertThat(byGet.getContentAsString()).doesNotContain("access_token");
	}

	@Test
	void aRotatedSecretStopsAtOnceAndTheFeedRefusesOlderTokens() throws Exception {
		String login = partner();
		UUID member = idOf(login);
		String created = createClient(login, "tool", List.of("predictions:read")).andReturn().getResponse()
			.getContentAsString();
		String clientId = read(created, "$.clientId");
		String old = read(created, "$.clientSecret");
		token(clientId, old, null).andExpect(status().isOk());

		String rotated = mvc.perform(post("/api/v1/auth/partner-clients/" + clientId + "/secret")
			.header("Authorization", bearer(login)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.clientId").value(clientId))
			.andExpect(jsonPath("$.secretRotatedAt").isNotEmpty())
			.andReturn().getResponse().getContentAsString();
		String fresh = read(rotated, "$.clientSecret");
		assertThat(fresh).isNotEqualTo(old);
		token(clientId, old, null).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("invalid_client"));
		token(clientId, fresh, null).andExpect(status().isOk());
		assertThat(clientRevocations(clientId)).hasSize(1).allSatisfy(row -> {
			assertThat(row.get("member_id")).isEqualTo(member.toString());
			assertThat(row.get("not_before")).isNotNull();
		});
		assertThat(auditKinds(member)).contains("PARTNER_CLIENT_SECRET_ROTATED");
	}

	@Test
	void aRevokedClientGetsNoTokenAndIsInTheFeed() throws Exception {
		String login = partner();
		UUID member = idOf(login);
		String created = createClient(login, "tool", List.of("predictions:read")).andReturn().getResponse()
			.getContentAsString();
		String clientId = read(created, "$.clientId");
		String secret = read(created, "$.clientSecret");
		token(clientId, secret, null).andExpect(status().isOk());

		mvc.perform(delete("/api/v1/auth/partner-clients/" + clientId).header("Authorization", bearer(login)))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/auth/partner-clients/" + clientId).header("Authorization", bearer(login)))
			.andExpect(status().isNoContent());
		token(clientId, secret, null).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("invalid_client"));
		mvc.perform(post("/api/v1/auth/partner-clients/" + clientId + "/secret").header("Authorization", bearer(login)))
			.andExpect(status().isNotFound());
		assertThat(clientRevocations(clientId)).hasSize(1)
			.allSatisfy(row -> assertThat(row.get("not_before")).isNull());
		String list = mvc.perform(get("/api/v1/auth/partner-clients").header("Authorization", bearer(login)))
			.andReturn().getResponse().getContentAsString();
		assertThat((List<Object>) JsonPath.read(list, "$.items[?(@.clientId == '" + clientId + "')].revokedAt"))
			.hasSize(1).doesNotContainNull();
		assertThat(auditKinds(member)).contains("PARTNER_CLIENT_REVOKED");
	}

	@Test
	void anotherMembersClientIsNotFound() throws Exception {
		String owner = partner();
		String other = partner();
		String clientId = read(createClient(owner, "tool", List.of("predictions:read")).andReturn().getResponse()
			.getContentAsString(), "$.clientId");
		mvc.perform(post("/api/v1/auth/partner-clients/" + clientId + "/secret").header("Authorization", bearer(other)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
		mvc.perform(delete("/api/v1/auth/partner-clients/" + clientId).header("Authorization", bearer(other)))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/auth/partner-clients/hc_nothing").header("Authorization", bearer(other)))
			.andExpect(status().isNotFound());
		String list = mvc.perform(get("/api/v1/auth/partner-clients").header("Authorization", bearer(other)))
			.andReturn().getResponse().getContentAsString();
		assertThat(list).doesNotContain(clientId);
		assertThat(clientRevocations(clientId)).isEmpty();
	}

	@Test
	void atMostTenClientsAreActiveAndScopesAreChecked() throws Exception {
		String login = partner();
		createClient(login, "", List.of("predictions:read")).andExpect(status().isBadRequest());
		createClient(login, "tool", List.of()).andExpect(status().isBadRequest());
		createClient(login, "tool", List.of("admin")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("scopes"));
		createClient(login, "x".repeat(81), List.of("predictions:read")).andExpect(status().isBadRequest());
		String first = null;
		for (int i = 0; i < 10; i++) {
			String created = createClient(login, "tool " + i, List.of("predictions:read"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
			first = first == null ? read(created, "$.clientId") : first;
		}
		createClient(login, "one too many", List.of("predictions:read")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "too-many-clients"));
		mvc.perform(delete("/api/v1/auth/partner-clients/" + first).header("Authorization", bearer(login)))
			.andExpect(status().isNoContent());
		createClient(login, "replacement", List.of("predictions:read")).andExpect(status().isCreated());
	}

	@Test
	void aClientTokenIsRefusedOnEveryAuthServicePath() throws Exception {
		String login = partner();
		String[] client = client(login);
		String token = read(token(client[0], client[1], null).andReturn().getResponse().getContentAsString(),
				"$.access_token");
		String bearer = "Bearer " + token;
		List<ResultActions> attempts = List.of(
				mvc.perform(delete("/api/v1/auth/me").header("Authorization", bearer)
					.contentType(MediaType.APPLICATION_JSON).content(json(Map.of("currentPassword", STRONG_PASSWORD)))),
				mvc.perform(post("/api/v1/auth/me/password").header("Authorization", bearer)
					.contentType(MediaType.APPLICATION_JSON)
					.content(json(Map.of("currentPassword", STRONG_PASSWORD, "newPassword", "another-tempo-140!")))),
				mvc.perform(post("/api/v1/auth/partner-clients").header("Authorization", bearer)
					.contentType(MediaType.APPLICATION_JSON)
					.content(json(Map.of("name", "self-made", "scopes", List.of("jobs:write"))))),
				mvc.perform(get("/api/v1/auth/partner-clients").header("Authorization", bearer)),
				mvc.perform(post("/api/v1/auth/partner-clients/" + client[0] + "/secret").header("Authorization", bearer)),
				mvc.perform(get("/api/v1/auth/partner-access").header("Authorization", bearer)),
				mvc.perform(get("/api/v1/auth/me/profile").header("Authorization", bearer)));
		for (ResultActions attempt : attempts) {
			attempt.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value(PROBLEMS + "insufficient-scope"))
				.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("insufficient_scope")));
		}
		// Nothing changed: the member signs in with the same password and still has exactly the one client.
		String again = logIn(JsonPath.read(accessClaims(login), "$.email"), STRONG_PASSWORD);
		String list = mvc.perform(get("/api/v1/auth/partner-clients").header("Authorization", bearer(again)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat((List<String>) JsonPath.read(list, "$.items[*].clientId")).containsExactly(client[0]);
	}

	@Test
	void theFeedNamesTheRevokedClientAndThisServiceRefusesItsTokensWhileTheMembersStayValid() throws Exception {
		String login = partner();
		String[] kept = client(login);
		String[] revoked = client(login);
		long cursor = feedEnd();
		mvc.perform(delete("/api/v1/auth/partner-clients/" + revoked[0]).header("Authorization", bearer(login)))
			.andExpect(status().isNoContent());
		mvc.perform(post("/api/v1/auth/partner-clients/" + kept[0] + "/secret").header("Authorization", bearer(login)))
			.andExpect(status().isOk());

		RevocationFeed.Page page = feed.after(cursor);
		assertThat(page.items()).anySatisfy(item -> {
			assertThat(item.clientId()).isEqualTo(revoked[0]);
			assertThat(item.memberId()).isEqualTo(idOf(login));
			assertThat(item.notBefore()).isNull();
		});
		assertThat(page.items()).anySatisfy(item -> {
			assertThat(item.clientId()).isEqualTo(kept[0]);
			assertThat(item.notBefore()).isNotNull();
		});
		// The kit's poller in this very service (every second) learns it well within 30 s.
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
		while (!(revokedMembers.refusesClient(revoked[0], java.time.Instant.now())
				&& revokedMembers.refusesClient(kept[0], java.time.Instant.now().minusSeconds(60)))
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(revokedMembers.refusesClient(revoked[0], java.time.Instant.now())).isTrue();
		assertThat(revokedMembers.refusesClient(kept[0], java.time.Instant.now().minusSeconds(60))).isTrue();
		assertThat(revokedMembers.refusesClient(kept[0], java.time.Instant.now().plusSeconds(2))).isFalse();
		// The member's own token is untouched by their clients' items.
		mvc.perform(get("/api/v1/auth/partner-clients").header("Authorization", bearer(login)))
			.andExpect(status().isOk());
	}

	// --- revocation of a member's clients ---

	@Test
	void revokingPartnerAccessRevokesEveryClient() throws Exception {
		String admin = administrator();
		String login = partner();
		UUID member = idOf(login);
		List<String[]> clients = List.of(client(login), client(login));
		decide(admin, member, "revocation", "Terms broken").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVOKED"));
		for (String[] client : clients) {
			token(client[0], client[1], null).andExpect(status().isUnauthorized());
			assertThat(clientRevocations(client[0])).hasSize(1);
		}
		createClient(login, "tool", List.of("predictions:read")).andExpect(status().isForbidden());
		assertThat(auditKinds(member)).contains("PARTNER_ACCESS_REVOKED");
	}

	@Test
	void aSuspendedMembersClientsAreRevoked() throws Exception {
		String admin = administrator();
		String login = partner();
		UUID member = idOf(login);
		String[] client = client(login);
		mvc.perform(post("/api/v1/auth/admin/members/" + member + "/suspension").header("Authorization", bearer(admin))
			.contentType(MediaType.APPLICATION_JSON).content(json(Map.of("reason", "spam"))))
			.andExpect(status().isNoContent());
		token(client[0], client[1], null).andExpect(status().isUnauthorized());
		assertThat(clientRevocations(client[0])).hasSize(1);
	}

	@Test
	void aDeletedMembersClientsAreRevokedAndGone() throws Exception {
		String login = partner();
		String[] client = client(login);
		mvc.perform(delete("/api/v1/auth/me").header("Authorization", bearer(login))
			.contentType(MediaType.APPLICATION_JSON).content(json(Map.of("currentPassword", STRONG_PASSWORD))))
			.andExpect(status().isNoContent());
		token(client[0], client[1], null).andExpect(status().isUnauthorized());
		assertThat(clientRevocations(client[0])).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_client WHERE client_id = ?").param(client[0])
			.query(Long.class).single()).isZero();
	}

	// --- helpers ---

	@Autowired
	RevocationFeed feed;

	@Autowired
	RevokedMembers revokedMembers;

	private long feedEnd() throws Exception {
		RevocationFeed.Page page = feed.after(0);
		while (page.more()) {
			page = feed.after(page.cursor());
		}
		return page.cursor();
	}

	/** A new member with a verified address whose partner access an administrator approved; their login answer. */
	private String partner() throws Exception {
		String login = signUpVerifyAndLogIn(uniqueEmail());
		ask(login, "Seoul Beats", null, "Score our catalogue").andExpect(status().isCreated());
		decide(administrator(), idOf(login), "approval", null).andExpect(status().isOk());
		return login;
	}

	/** A new client of the partner with every scope: {id, secret}. */
	private String[] client(String login) throws Exception {
		String created = createClient(login, "tool", List.of("predictions:read", "predictions:write", "jobs:write"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return new String[] { read(created, "$.clientId"), read(created, "$.clientSecret") };
	}

	private String administrator() throws Exception {
		String email = uniqueEmail();
		UUID id = idOf(signUpAndLogIn(email));
		jdbc.sql("INSERT INTO member_role (member_id, role) VALUES (?, 'ADMIN')").param(id.toString()).update();
		return logIn(email, STRONG_PASSWORD);
	}

	private ResultActions ask(String login, String organisation, String website, String purpose) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("organisation", organisation);
		body.put("website", website);
		body.put("purpose", purpose);
		return mvc.perform(post("/api/v1/auth/partner-access").header("Authorization", bearer(login))
			.contentType(MediaType.APPLICATION_JSON).content(json(body)));
	}

	private ResultActions decide(String admin, UUID member, String decision, String note) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("note", note);
		return mvc.perform(post("/api/v1/auth/admin/partner-access/" + member + "/" + decision)
			.header("Authorization", bearer(admin)).contentType(MediaType.APPLICATION_JSON).content(json(body)));
	}

	private ResultActions createClient(String login, String name, List<String> scopes) throws Exception {
		return mvc.perform(post("/api/v1/auth/partner-clients").header("Authorization", bearer(login))
			.contentType(MediaType.APPLICATION_JSON).content(json(Map.of("name", name, "scopes", scopes))));
	}

	ResultActions token(String clientId, String secret, String scope) throws Exception {
		return mvc.perform(post(TOKEN).header("Authorization", basic(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope)));
	}

	static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private List<Map<String, Object>> clientRevocations(String clientId) {
		return jdbc.sql("SELECT member_id, not_before FROM member_revocation WHERE client_id = ? ORDER BY seq")
			.param(clientId).query().listOfRows();
	}

	private List<String> auditKinds(UUID member) {
		return jdbc.sql("SELECT kind FROM audit_event WHERE member_id = ?").param(member.toString())
			.query(String.class).list();
	}

	static String claims(String jwt) {
		return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
	}

	private static UUID idOf(String login) {
		return UUID.fromString(JsonPath.read(accessClaims(login), "$.sub"));
	}

	private static String bearer(String login) {
		return "Bearer " + read(login, "$.accessToken");
	}
}
