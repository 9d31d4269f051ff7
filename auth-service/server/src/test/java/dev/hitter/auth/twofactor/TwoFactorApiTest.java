package dev.hitter.auth.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.session.MovableClock;
import dev.hitter.kit.clientaddress.ClientAddress;

/**
 * TOTP two-factor sign-in on the real service and database, the codes computed here from the secret the set-up
 * answered, as an authenticator app would. Time moves by a clock the test controls (a step is 30 s).
 */
@Import(MovableClock.Configuration.class)
class TwoFactorApiTest extends AuthApiTest {

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TwoFactorStore store;

	@Autowired
	TotpSecretEncryption encryption;

	private final String address = "198.51.100." + (UUID.randomUUID().hashCode() & 0x7f);

	@Test
	void memberTurnsTwoFactorOnAndThenSignsInWithTheAppsCode() throws Exception {
		Member member = memberWithTwoFactor();

		String challenge = passwordStep(member.email());
		nextStep();
		String tokens = secondStep(Map.of("challenge", challenge, "code", code(member.secret())))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(get("/api/v1/auth/me/two-factor").header("Authorization", "Bearer " + read(tokens, "$.accessToken")))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.recoveryCodesLeft").value(10));
	}

	@Test
	void theSecretIsStoredSealedAndOnlyOnItsOwnMembersRow() throws Exception {
		Member member = memberWithTwoFactor();
		Member other = memberWithTwoFactor();
		String stored = storedSecret(member.email());
		// A copy of the database does not give the secret away.
		assertThat(stored).startsWith(TotpSecretEncryption.PREFIX).doesNotContain(member.secret());
		assertThat(store.state(memberId(member.email())).orElseThrow().secret()).isEqualTo(member.secret());
		// Copied onto another member's row, it does not open: the member id is sealed in.
		jdbc.sql("UPDATE member SET totp_secret = ? WHERE email = ?").param(stored).param(other.email()).update();
		UUID otherId = memberId(other.email());
		assertThatThrownBy(() -> store.state(otherId)).hasMessageContaining("does not decrypt");
	}

	@Test
	void aSecretStoredInPlaintextBeforeIsSealedAtTheNextStartAndStillSignsIn() throws Exception {
		Member member = memberWithTwoFactor();
		// As a version before V11 left it.
		jdbc.sql("UPDATE member SET totp_secret = ? WHERE email = ?").param(member.secret()).param(member.email()).update();

		new TwoFactorStore(jdbc, encryption); // what the next start does

		assertThat(storedSecret(member.email())).startsWith(TotpSecretEncryption.PREFIX).doesNotContain(member.secret());
		String challenge = passwordStep(member.email());
		nextStep();
		secondStep(Map.of("challenge", challenge, "code", code(member.secret()))).andExpect(status().isOk());
	}

	@Test
	void setUpAnswersASecretAndAnOtpauthUriAndNothingChangesUntilEnabled() throws Exception {
		String email = uniqueEmail();
		String login = signUpAndLogIn(email);
		String setup = mvc.perform(post("/api/v1/auth/me/two-factor/setup").header("Authorization", bearer(login)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = read(setup, "$.secret");
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(read(setup, "$.otpauthUri")).startsWith("otpauth://totp/HITTER:" + email.replace("@", "%40"))
			.contains("secret=" + secret, "issuer=HITTER", "digits=6", "period=30");
		// Not enabled: the password alone still signs in.
		postJson("/api/v1/auth/login", Map.of("email", email, "password", STRONG_PASSWORD))
			.andExpect(jsonPath("$.accessToken").exists())
			.andExpect(jsonPath("$.twoFactorRequired").doesNotExist());
		// Enabling needs the right code.
		enable(login, "000000".equals(code(secret)) ? "111111" : "000000").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
	}

	@Test
	void aUsedCodeIsNeverAcceptedAgainNorIsAChallenge() throws Exception {
		Member member = memberWithTwoFactor();
		nextStep();
		String code = code(member.secret());
		String first = passwordStep(member.email());
		secondStep(Map.of("challenge", first, "code", code)).andExpect(status().isOk());

		// The same code, a fresh challenge: a replay.
		String second = passwordStep(member.email());
		secondStep(Map.of("challenge", second, "code", code)).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-two-factor-code"));
		// The used challenge, with a new code: spent.
		nextStep();
		secondStep(Map.of("challenge", first, "code", code(member.secret()))).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-two-factor-challenge"));
		// The second challenge is still open and takes the new code.
		secondStep(Map.of("challenge", second, "code", code(member.secret()))).andExpect(status().isOk());
	}

	@Test
	void aRecoveryCodeSignsInOnceAndTheCodeBeforeTheEnableStepIsUsedUp() throws Exception {
		Member member = memberWithTwoFactor();
		// The code that enabled two-factor cannot sign in (its step is used).
		secondStep(Map.of("challenge", passwordStep(member.email()), "code", code(member.secret())))
			.andExpect(status().isUnauthorized());

		String recovery = member.recoveryCodes().get(3).toLowerCase().replace("-", "");
		secondStep(Map.of("challenge", passwordStep(member.email()), "recoveryCode", recovery))
			.andExpect(status().isOk());
		secondStep(Map.of("challenge", passwordStep(member.email()), "recoveryCode", member.recoveryCodes().get(3)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-two-factor-code"));
	}

	@Test
	void fiveWrongCodesSpendTheChallengeAndWrongCodesAreThrottled() throws Exception {
		Member member = memberWithTwoFactor();
		String challenge = passwordStep(member.email());
		String right = code(member.secret());
		for (int i = 0; i < 5; i++) {
			String wrong = String.format("%06d", (Integer.parseInt(right) + 1 + i) % 1_000_000);
			secondStep(Map.of("challenge", challenge, "code", wrong)).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-two-factor-code"));
		}
		nextStep();
		secondStep(Map.of("challenge", challenge, "code", code(member.secret()))).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-two-factor-challenge"));

		// Five wrong codes were five failures of the account: the next wrong one starts a wait.
		String fresh = passwordStep(member.email());
		secondStep(Map.of("challenge", fresh, "code", "000000".equals(code(member.secret())) ? "111111" : "000000"))
			.andExpect(status().isUnauthorized());
		secondStep(Map.of("challenge", fresh, "code", code(member.secret()))).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/login-throttled"));
	}

	@Test
	void malformedSecondStepsAreRefusedAsValidationProblems() throws Exception {
		Member member = memberWithTwoFactor();
		String challenge = passwordStep(member.email());
		List<Map<String, Object>> bad = List.of(Map.of("challenge", challenge, "code", "12345a"),
				Map.of("challenge", challenge, "code", "9".repeat(10_000)),
				Map.of("challenge", challenge, "code", "123456", "recoveryCode", "ABCDE-FGHJK"),
				Map.of("challenge", challenge), Map.of("challenge", "../../etc", "code", "123456"),
				Map.of("challenge", "x".repeat(5000), "code", "123456"),
				Map.of("challenge", challenge, "recoveryCode", "'; DROP TABLE member; --"));
		for (Map<String, Object> body : bad) {
			secondStep(body).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"));
		}
		secondStep(Map.of("challenge", "A".repeat(43), "code", "123456")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-two-factor-challenge"));
		// None of that spent the real challenge.
		nextStep();
		secondStep(Map.of("challenge", challenge, "code", code(member.secret()))).andExpect(status().isOk());
	}

	@Test
	void turningTwoFactorOffNeedsThePasswordAndACode() throws Exception {
		Member member = memberWithTwoFactor();
		nextStep();
		disable(member.login(), Map.of("password", "wrong-password-1", "code", code(member.secret())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		disable(member.login(), Map.of("password", STRONG_PASSWORD)).andExpect(status().isBadRequest());
		disable(member.login(), Map.of("password", STRONG_PASSWORD, "code", code(member.secret())))
			.andExpect(status().isNoContent());
		postJson("/api/v1/auth/login", Map.of("email", member.email(), "password", STRONG_PASSWORD))
			.andExpect(jsonPath("$.accessToken").exists());
		disable(member.login(), Map.of("password", STRONG_PASSWORD, "code", code(member.secret())))
			.andExpect(status().isConflict());
	}

	@Test
	void theCookieFormOfTheSecondStepSetsTheRefreshCookie() throws Exception {
		Member member = memberWithTwoFactor();
		String challenge = read(mvc
			.perform(post("/api/v1/auth/login").header("X-Hitter-Session", "cookie")
				.header(ClientAddress.HEADER, address)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(Map.of("email", member.email(), "password", STRONG_PASSWORD))))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(jsonPath("$.twoFactorRequired").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.challenge");
		nextStep();
		mvc.perform(post("/api/v1/auth/login/two-factor").header("X-Hitter-Session", "cookie")
			.header(ClientAddress.HEADER, address)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("challenge", challenge, "code", code(member.secret())))))
			.andExpect(status().isOk())
			.andExpect(header().string("Set-Cookie", org.hamcrest.Matchers.startsWith("hitter_refresh=")))
			.andExpect(jsonPath("$.refreshToken").doesNotExist())
			.andExpect(jsonPath("$.accessToken").exists());
	}

	private Member memberWithTwoFactor() throws Exception {
		String email = uniqueEmail();
		String login = signUpAndLogIn(email);
		String secret = read(mvc.perform(post("/api/v1/auth/me/two-factor/setup").header("Authorization", bearer(login)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.secret");
		String codes = enable(login, code(secret)).andExpect(status().isOk())
			.andExpect(jsonPath("$.recoveryCodes.length()").value(10))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> recoveryCodes = JsonPath.read(codes, "$.recoveryCodes");
		assertThat(recoveryCodes).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"));
		return new Member(email, login, secret, recoveryCodes);
	}

	private String passwordStep(String email) throws Exception {
		String answer = mvc
			.perform(post("/api/v1/auth/login").header(ClientAddress.HEADER, address)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(Map.of("email", email, "password", STRONG_PASSWORD))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.twoFactorRequired").value(true))
			.andExpect(jsonPath("$.accessToken").doesNotExist())
			.andExpect(jsonPath("$.refreshToken").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return read(answer, "$.challenge");
	}

	private ResultActions secondStep(Map<String, Object> body) throws Exception {
		return mvc.perform(post("/api/v1/auth/login/two-factor").header(ClientAddress.HEADER, address)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(new HashMap<>(body))));
	}

	private ResultActions enable(String login, String code) throws Exception {
		return mvc.perform(post("/api/v1/auth/me/two-factor/enable").header("Authorization", bearer(login))
			.header(ClientAddress.HEADER, address)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("code", code))));
	}

	private ResultActions disable(String login, Map<String, Object> body) throws Exception {
		return mvc.perform(post("/api/v1/auth/me/two-factor/disable").header("Authorization", bearer(login))
			.header(ClientAddress.HEADER, address)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body)));
	}

	private String code(String secret) {
		return Totp.code(Base32.decode(secret), Totp.step(clock.instant()), 6, Totp.ALGORITHM);
	}

	private void nextStep() {
		clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
	}

	private static String bearer(String login) {
		return "Bearer " + read(login, "$.accessToken");
	}

	private String storedSecret(String email) {
		return jdbc.sql("SELECT totp_secret FROM member WHERE email = ?").param(email).query(String.class).single();
	}

	private UUID memberId(String email) {
		return UUID.fromString(jdbc.sql("SELECT id FROM member WHERE email = ?").param(email).query(String.class).single());
	}

	record Member(String email, String login, String secret, List<String> recoveryCodes) {
	}
}
