package dev.hitter.community;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.security.Member;
import dev.hitter.localdb.TestDatabase;
import dev.hitter.tokenattacks.TokenAttack;
import dev.hitter.tokenattacks.TokenAttacks;

/**
 * The shared token attacks sent straight to community-service (not through the gateway), checked by the
 * service's real decoder against the fixture's key set: every attack 401 problem+json, the valid token let in.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AccessTokenAttacksTest.WhoAmI.class)
class AccessTokenAttacksTest {

	static final TokenAttacks TOKENS = TokenAttacks.start();

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.registerDataSource(registry, "hitter_community");
		registry.add("hitter.security.jwk-set-uri", () -> TOKENS.jwkSetUri().toString());
	}

	@AfterAll
	static void stopKeyServer() {
		TOKENS.close();
	}

	@Test
	void validTokenIsLetIn() throws Exception {
		UUID member = UUID.randomUUID();
		mvc.perform(get(WhoAmI.PATH).header("Authorization", "Bearer " + TOKENS.validToken(member)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(member.toString()));
	}

	@TestFactory
	Stream<DynamicTest> everyAttackIsRefusedAsProblemJson() {
		return TOKENS.attacks(UUID.randomUUID())
			.stream()
			.map(attack -> DynamicTest.dynamicTest(attack.name(), () -> isRefused(attack, get(WhoAmI.PATH))));
	}

	/** Every community endpoint, the internal hooks included: each attack refused before any of them runs. */
	@TestFactory
	Stream<DynamicTest> everyAttackIsRefusedByEveryCommunityEndpoint() {
		UUID id = UUID.randomUUID();
		String posts = "/api/v1/community/posts";
		List<Supplier<MockHttpServletRequestBuilder>> endpoints = List.of(() -> get(posts),
				() -> get(posts + "/search").param("q", "사랑"), () -> json(post(posts)), () -> get(posts + "/" + id),
				() -> json(patch(posts + "/" + id)), () -> delete(posts + "/" + id), () -> put(posts + "/" + id + "/like"),
				() -> delete(posts + "/" + id + "/like"), () -> get(posts + "/" + id + "/comments"),
				() -> json(post(posts + "/" + id + "/comments")), () -> json(patch("/api/v1/community/comments/" + id)),
				() -> delete("/api/v1/community/comments/" + id), () -> put("/api/v1/community/comments/" + id + "/like"),
				() -> json(post("/api/v1/community/reports")), () -> get("/api/v1/community/reports"),
				() -> json(put("/api/v1/community/moderation/POST/" + id)), () -> get("/api/v1/community/notifications"),
				() -> get("/api/v1/community/notifications/unread-count"),
				() -> json(post("/api/v1/community/notifications/read")),
				() -> json(post("/internal/v1/members/" + id + "/renamed")),
				() -> post("/internal/v1/members/" + id + "/anonymise"), () -> json(post("/internal/v1/notifications")));
		List<TokenAttack> attacks = TOKENS.attacks(UUID.randomUUID());
		return endpoints.stream().flatMap(endpoint -> attacks.stream().map(attack -> {
			MockHttpServletRequestBuilder request = endpoint.get();
			String name = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getMethod() + " "
					+ request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
			return DynamicTest.dynamicTest(name + " — " + attack.name(), () -> isRefused(attack, endpoint.get()));
		}));
	}

	/** With the real decoder: a service token opens /internal (and only there), a member's token never does. */
	@Test
	void serviceTokensOpenInternalPathsOnlyAndMembersTokensNever() throws Exception {
		UUID member = UUID.randomUUID();
		String hook = "/internal/v1/members/" + member + "/anonymise";
		mvc.perform(post(hook).header("Authorization", "Bearer " + TOKENS.serviceToken("auth-service")))
			.andExpect(status().isNoContent());
		mvc.perform(post(hook).header("Authorization", "Bearer " + TOKENS.validToken(member)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/forbidden"));
		mvc.perform(get(WhoAmI.PATH).header("Authorization", "Bearer " + TOKENS.serviceToken("auth-service")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@TestFactory
	Stream<DynamicTest> everyMisshapenServiceTokenIsRefusedOnInternalAndMemberPaths() {
		String hook = "/internal/v1/members/" + UUID.randomUUID() + "/anonymise";
		return TOKENS.serviceTokenAttacks("auth-service").stream().flatMap(attack -> Stream.of(
				DynamicTest.dynamicTest("internal — " + attack.name(), () -> isRefusedOneWayOrTheOther(attack, post(hook))),
				DynamicTest.dynamicTest("member — " + attack.name(),
						() -> isRefusedOneWayOrTheOther(attack, get(WhoAmI.PATH)))));
	}

	private void isRefusedOneWayOrTheOther(TokenAttack attack, MockHttpServletRequestBuilder request) throws Exception {
		int status = mvc.perform(request.header("Authorization", "Bearer " + attack.token()))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getStatus();
		org.assertj.core.api.Assertions.assertThat(status).as(attack.name()).isIn(401, 403);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request) {
		return request.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"t\",\"body\":\"b\",\"category\":\"QA\",\"action\":\"HIDE\",\"displayName\":\"x\"}");
	}

	private void isRefused(TokenAttack attack, MockHttpServletRequestBuilder request) throws Exception {
		try {
			mvc.perform(request.header("Authorization", "Bearer " + attack.token()))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/unauthorized"));
		}
		catch (AssertionError accepted) {
			throw new AssertionError("Token attack '" + attack.name() + "': " + accepted.getMessage(), accepted);
		}
	}

	/**
	 * A test-only endpoint that answers who the token says the caller is, behind the same security as every
	 * {@code /api} path (only a valid token reaches it).
	 */
	@RestController
	static class WhoAmI {

		static final String PATH = "/api/v1/community/test-who-am-i";

		@GetMapping(PATH)
		Member whoAmI(Member member) {
			return member;
		}
	}
}
