package dev.hitter.auth.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.TestMailbox;
import dev.hitter.auth.session.MovableClock;

/** A forgotten password, replaced through a short-lived single-use link; every session ends. */
@Import(MovableClock.Configuration.class)
class PasswordResetApiTest extends AuthApiTest {

	private static final String NEW_PASSWORD = "a-brand-new-tune-42";

	@Autowired
	MovableClock clock;

	@Test
	void theLinkSetsANewPasswordAndEndsEverySession() throws Exception {
		String email = uniqueEmail();
		String login = signUpAndLogIn(email);
		String otherDevice = logIn(email, STRONG_PASSWORD);

		ask(email).andExpect(status().isAccepted());
		String token = TestMailbox.awaitToken(email, 2);
		assertThat(TestMailbox.text(TestMailbox.awaitMessage(email, 2))).contains(PUBLIC_URL + "/reset-password?token=");

		confirm(token, NEW_PASSWORD).andExpect(status().isNoContent());

		for (String session : new String[] { login, otherDevice }) {
			postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(session, "$.refreshToken")))
				.andExpect(status().isUnauthorized());
		}
		postJson("/api/v1/auth/login", Map.of("email", email, "password", STRONG_PASSWORD))
			.andExpect(status().isUnauthorized());
		String fresh = logIn(email, NEW_PASSWORD);
		// The link came to the address: it is proved, as a verification link would have.
		assertThat((Boolean) JsonPath.read(accessClaims(fresh), "$.email_verified")).isTrue();
		assertThat(TestMailbox.text(TestMailbox.awaitMessage(email, 3))).contains("password was just changed");
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
		String nobody = uniqueEmail();
		String known = uniqueEmail();
		signUp(known, STRONG_PASSWORD, "Min-ji", "artist").andExpect(status().isAccepted());

		String unknownAnswer = ask(nobody).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
		String knownAnswer = ask(known).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();

		assertThat(unknownAnswer).isEqualTo(knownAnswer);
		TestMailbox.awaitMessage(known, 2);
		assertThat(TestMailbox.messagesTo(nobody)).isEmpty();
	}

	@Test
	void aLinkWorksOnlyOnce() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist").andExpect(status().isAccepted());
		ask(email).andExpect(status().isAccepted());
		String token = TestMailbox.awaitToken(email, 2);
		confirm(token, NEW_PASSWORD).andExpect(status().isNoContent());
		confirm(token, "yet-another-tune-43").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-link"));
		logIn(email, NEW_PASSWORD);
	}

	@Test
	void anExpiredLinkIsRefused() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist").andExpect(status().isAccepted());
		ask(email).andExpect(status().isAccepted());
		String token = TestMailbox.awaitToken(email, 2);

		clock.advance(Duration.ofMinutes(31));

		confirm(token, NEW_PASSWORD).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-link"));
		logIn(email, STRONG_PASSWORD);
	}

	@Test
	void aWeakPasswordIsNamedAndTheLinkStillWorks() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist").andExpect(status().isAccepted());
		ask(email).andExpect(status().isAccepted());
		String token = TestMailbox.awaitToken(email, 2);

		confirm(token, "short").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newPassword"));
		confirm(token, NEW_PASSWORD).andExpect(status().isNoContent());
	}

	@Test
	void aVerificationLinkIsNoResetLink() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist").andExpect(status().isAccepted());
		confirm(TestMailbox.awaitToken(email, 1), NEW_PASSWORD).andExpect(status().isForbidden());
	}

	@Test
	void garbageTokensAreRefused() throws Exception {
		confirm("garbage", NEW_PASSWORD).andExpect(status().isForbidden());
		confirm("y".repeat(5_000), NEW_PASSWORD).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("token"));
		ask("").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
	}

	private ResultActions ask(String email) throws Exception {
		return postJson("/api/v1/auth/password-reset", Map.of("email", email));
	}

	private ResultActions confirm(String token, String password) throws Exception {
		return postJson("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", password));
	}
}
