package dev.hitter.community;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
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
			.map(attack -> DynamicTest.dynamicTest(attack.name(), () -> isRefused(attack)));
	}

	private void isRefused(TokenAttack attack) throws Exception {
		try {
			mvc.perform(get(WhoAmI.PATH).header("Authorization", "Bearer " + attack.token()))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/unauthorized"));
		}
		catch (AssertionError accepted) {
			throw new AssertionError("Token attack '" + attack.name() + "': " + accepted.getMessage(), accepted);
		}
	}

	/**
	 * community-service has no API of its own yet: this test-only endpoint stands in for its first one, behind the
	 * same security as every {@code /api} path (only a valid token reaches it).
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
