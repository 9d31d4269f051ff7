package dev.hitter.auth.token;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.tokenattacks.TokenAttack;
import dev.hitter.tokenattacks.TokenAttacks;

/**
 * The shared token attacks sent straight to auth-service, with its real decoder. auth-service verifies with its
 * own stored keys rather than over HTTP, so the fixture signs with the key auth-service trusts: each claim attack
 * then has a valid signature and is stopped only by the claim checks.
 */
class AccessTokenAttacksTest extends AuthApiTest {

	@Autowired
	SigningKeys signingKeys;

	@Test
	void validTokenFromTheFixtureIsAccepted() throws Exception {
		try (TokenAttacks tokens = TokenAttacks.signingWith(signingKeys.current())) {
			mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + tokens.validToken(newMember())))
				.andExpect(status().isOk());
		}
	}

	@TestFactory
	Stream<DynamicTest> everyAttackIsRefusedAsProblemJson() throws Exception {
		TokenAttacks tokens = TokenAttacks.signingWith(signingKeys.current());
		UUID member = newMember();
		return tokens.attacks(member)
			.stream()
			.map(attack -> DynamicTest.dynamicTest(attack.name(), () -> isRefused(attack)))
			.onClose(tokens::close);
	}

	private void isRefused(TokenAttack attack) throws Exception {
		try {
			mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + attack.token()))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/unauthorized"));
		}
		catch (AssertionError accepted) {
			throw new AssertionError("Token attack '" + attack.name() + "': " + accepted.getMessage(), accepted);
		}
	}

	// A real account, so that only the token decides: /users/me answers 200 for it with a valid token.
	private UUID newMember() throws Exception {
		String login = signUpAndLogIn(uniqueEmail());
		String claims = new String(Base64.getUrlDecoder().decode(read(login, "$.accessToken").split("\\.")[1]));
		return UUID.fromString(JsonPath.read(claims, "$.sub"));
	}
}
