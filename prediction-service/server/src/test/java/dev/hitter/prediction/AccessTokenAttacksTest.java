package dev.hitter.prediction;

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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.hitter.tokenattacks.TokenAttack;
import dev.hitter.tokenattacks.TokenAttacks;

/**
 * The shared token attacks sent straight to prediction-service (not through the gateway), checked by the
 * service's real decoder against the fixture's key set. The other API tests stand in for tokens with Spring's
 * {@code jwt()} helper or a decoder that accepts anything; this is where the service's own issuer, audience,
 * expiry and subject checks are seen to work.
 */
@SpringBootTest
@PredictionTestContext(schema = "hitter_prediction")
@AutoConfigureMockMvc
class AccessTokenAttacksTest {

	static final TokenAttacks TOKENS = TokenAttacks.start();

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("hitter.security.jwk-set-uri", () -> TOKENS.jwkSetUri().toString());
	}

	@AfterAll
	static void stopKeyServer() {
		TOKENS.close();
	}

	@Test
	void validTokenReadsTheMembersPredictions() throws Exception {
		mvc.perform(get("/api/v1/predictions").header("Authorization", "Bearer " + TOKENS.validToken(UUID.randomUUID())))
			.andExpect(status().isOk());
	}

	@TestFactory
	Stream<DynamicTest> everyAttackIsRefusedAsProblemJson() {
		return TOKENS.attacks(UUID.randomUUID())
			.stream()
			.map(attack -> DynamicTest.dynamicTest(attack.name(), () -> isRefused(attack)));
	}

	private void isRefused(TokenAttack attack) throws Exception {
		try {
			mvc.perform(get("/api/v1/predictions").header("Authorization", "Bearer " + attack.token()))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/unauthorized"));
		}
		catch (AssertionError accepted) {
			throw new AssertionError("Token attack '" + attack.name() + "': " + accepted.getMessage(), accepted);
		}
	}
}
