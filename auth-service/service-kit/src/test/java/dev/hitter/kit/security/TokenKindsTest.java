package dev.hitter.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.tokenattacks.TokenAttack;
import dev.hitter.tokenattacks.TokenAttacks;

/**
 * The path rules alone, on endpoints that take neither a Member nor a ServiceCaller (so no argument resolver can
 * refuse in their place), with the kit's real decoder: service tokens on /internal only, members' tokens elsewhere only.
 */
@SpringBootTest(classes = TokenKindsTest.AnyService.class,
		properties = { "management.endpoint.health.validate-group-membership=false",
				"hitter.security.client-scopes[0]=GET /api/v1/things/** things:read",
				"hitter.security.client-scopes[1]=POST /api/v1/things things:write" })
@AutoConfigureMockMvc
class TokenKindsTest {

	static final TokenAttacks TOKENS = TokenAttacks.start();

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Endpoints.class)
	static class AnyService {
	}

	@RestController
	static class Endpoints {

		@GetMapping("/internal/v1/ping")
		String internal() {
			return "internal";
		}

		@GetMapping("/api/v1/ping")
		String member() {
			return "member";
		}

		@GetMapping("/api/v1/things/mine")
		Member mine(Member member) {
			return member;
		}

		@org.springframework.web.bind.annotation.PostMapping("/api/v1/things")
		String write() {
			return "written";
		}

		@GetMapping("/internal/v1/caller")
		ServiceCaller caller(ServiceCaller caller) {
			return caller;
		}
	}

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("hitter.security.jwk-set-uri", () -> TOKENS.jwkSetUri().toString());
	}

	@AfterAll
	static void stop() {
		TOKENS.close();
	}

	@Test
	void aServiceTokenOpensInternalPathsAndNothingElse() throws Exception {
		String service = "Bearer " + TOKENS.serviceToken("prediction-service");
		mvc.perform(get("/internal/v1/ping").header("Authorization", service)).andExpect(status().isOk());
		mvc.perform(get("/internal/v1/caller").header("Authorization", service))
			.andExpect(jsonPath("$.name").value("prediction-service"));
		mvc.perform(get("/api/v1/ping").header("Authorization", service))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/forbidden"));
	}

	@Test
	void aMembersTokenOpensMemberPathsAndNoInternalOne() throws Exception {
		String member = "Bearer " + TOKENS.validToken(UUID.randomUUID());
		mvc.perform(get("/api/v1/ping").header("Authorization", member)).andExpect(status().isOk());
		mvc.perform(get("/internal/v1/ping").header("Authorization", member))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/forbidden"));
		mvc.perform(get("/internal/v1/ping")).andExpect(status().isUnauthorized());
	}

	@Test
	void aClientsTokenOpensWhatItsScopesGrantAndNothingElse() throws Exception {
		UUID owner = UUID.randomUUID();
		String reader = "Bearer " + TOKENS.clientToken(owner, "hc_reader", "things:read");
		mvc.perform(get("/api/v1/things/mine").header("Authorization", reader))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(owner.toString()))
			.andExpect(jsonPath("$.clientId").value("hc_reader"))
			.andExpect(jsonPath("$.scopes[0]").value("things:read"));
		mvc.perform(post("/api/v1/things").header("Authorization", reader))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"things:write\""))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/insufficient-scope"));
		// No rule names it: closed to every client, whatever its scopes.
		mvc.perform(get("/api/v1/ping").header("Authorization", reader))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", "Bearer error=\"insufficient_scope\""))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/insufficient-scope"));
		mvc.perform(get("/internal/v1/ping").header("Authorization", reader))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/forbidden"));

		String writer = "Bearer " + TOKENS.clientToken(owner, "hc_writer", "things:read", "things:write");
		mvc.perform(post("/api/v1/things").header("Authorization", writer)).andExpect(status().isOk());
		// A member's own token is not limited by scopes.
		mvc.perform(post("/api/v1/things").header("Authorization", "Bearer " + TOKENS.validToken(owner)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/things/mine").header("Authorization", "Bearer " + TOKENS.validToken(owner)))
			.andExpect(jsonPath("$.clientId").doesNotExist());
	}

	@TestFactory
	Stream<DynamicTest> misshapenServiceTokensOpenNeither() {
		return TOKENS.serviceTokenAttacks("prediction-service").stream().flatMap(attack -> Stream.of(
				DynamicTest.dynamicTest("internal — " + attack.name(), () -> refused(attack, "/internal/v1/ping")),
				DynamicTest.dynamicTest("member — " + attack.name(), () -> refused(attack, "/api/v1/ping"))));
	}

	private void refused(TokenAttack attack, String path) throws Exception {
		int status = mvc.perform(get(path).header("Authorization", "Bearer " + attack.token()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).as(attack.name() + " on " + path).isIn(401, 403);
	}
}
