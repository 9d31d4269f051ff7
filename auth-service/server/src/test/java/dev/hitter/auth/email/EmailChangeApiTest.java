package dev.hitter.auth.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.TestMailbox;

/** Moving an account to a new address: re-authenticated, verified at the new address, told to the old one. */
class EmailChangeApiTest extends AuthApiTest {

	@Test
	void theLinkAtTheNewAddressMovesTheAccountAndTheOldAddressIsTold() throws Exception {
		String old = uniqueEmail();
		String login = signUpVerifyAndLogIn(old);
		String fresh = uniqueEmail();

		change(login, fresh, STRONG_PASSWORD).andExpect(status().isAccepted());
		String token = TestMailbox.awaitToken(fresh, 1);
		assertThat(TestMailbox.text(TestMailbox.awaitMessage(fresh, 1))).contains(PUBLIC_URL + "/confirm-email-change?token=");
		assertThat(TestMailbox.text(TestMailbox.awaitMessage(old, 2))).contains(fresh.charAt(0) + "***@example.com")
			.doesNotContain("token=");

		confirm(login, token).andExpect(status().isNoContent());

		mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(login)))
			.andExpect(jsonPath("$.email").value(fresh))
			.andExpect(jsonPath("$.emailVerified").value(true));
		logIn(fresh, STRONG_PASSWORD);
		postJson("/api/v1/auth/login", Map.of("email", old, "password", STRONG_PASSWORD))
			.andExpect(status().isUnauthorized());
		confirm(login, token).andExpect(status().isForbidden());
	}

	@Test
	void aWrongCurrentPasswordIsRefusedAndNothingIsMailed() throws Exception {
		String login = signUpVerifyAndLogIn(uniqueEmail());
		String fresh = uniqueEmail();
		change(login, fresh, "not-my-password-1").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/current-password-wrong"))
			.andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
		assertThat(TestMailbox.messagesTo(fresh)).isEmpty();
	}

	@Test
	void aTakenNewAddressGetsTheSameAnswerAndItsOwnerANotice() throws Exception {
		String owner = uniqueEmail();
		signUpVerifyAndLogIn(owner);
		String login = signUpVerifyAndLogIn(uniqueEmail());

		change(login, owner.toUpperCase(), STRONG_PASSWORD).andExpect(status().isAccepted());

		assertThat(TestMailbox.text(TestMailbox.awaitMessage(owner, 2))).contains("Someone tried to move another")
			.doesNotContain("token=");
	}

	@Test
	void aLinkForAnotherMemberIsRefusedAndStaysUsableForItsOwn() throws Exception {
		String login = signUpVerifyAndLogIn(uniqueEmail());
		String intruder = signUpVerifyAndLogIn(uniqueEmail());
		String fresh = uniqueEmail();
		change(login, fresh, STRONG_PASSWORD).andExpect(status().isAccepted());
		String token = TestMailbox.awaitToken(fresh, 1);

		confirm(intruder, token).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/invalid-link"));
		confirm(login, token).andExpect(status().isNoContent());
	}

	@Test
	void aVerificationLinkForTheOldAddressIsRefusedAfterTheMove() throws Exception {
		String old = uniqueEmail();
		String login = signUpAndLogIn(old);
		String verification = TestMailbox.awaitToken(old, 1);
		String fresh = uniqueEmail();
		change(login, fresh, STRONG_PASSWORD).andExpect(status().isAccepted());
		confirm(login, TestMailbox.awaitToken(fresh, 1)).andExpect(status().isNoContent());

		postJson("/api/v1/auth/email-verification", Map.of("token", verification)).andExpect(status().isForbidden());
	}

	@Test
	void aVerificationOrResetLinkDoesNotConfirmAChange() throws Exception {
		String email = uniqueEmail();
		String login = signUpAndLogIn(email);
		confirm(login, TestMailbox.awaitToken(email, 1)).andExpect(status().isForbidden());
	}

	@Test
	void malformedNewAddressOrTheSameAddressIsNamed() throws Exception {
		String email = uniqueEmail();
		String login = signUpVerifyAndLogIn(email);
		change(login, "nobody@", STRONG_PASSWORD).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newEmail"));
		change(login, email, STRONG_PASSWORD).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newEmail"));
	}

	@Test
	void bothStepsNeedSignIn() throws Exception {
		postJson("/api/v1/auth/me/email", Map.of("newEmail", uniqueEmail(), "currentPassword", STRONG_PASSWORD))
			.andExpect(status().isUnauthorized());
		postJson("/api/v1/auth/email-change/confirm", Map.of("token", "x")).andExpect(status().isUnauthorized());
	}

	private ResultActions change(String login, String newEmail, String password) throws Exception {
		return mvc.perform(post("/api/v1/auth/me/email").header("Authorization", bearer(login))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("newEmail", newEmail, "currentPassword", password))));
	}

	private ResultActions confirm(String login, String token) throws Exception {
		return mvc.perform(post("/api/v1/auth/email-change/confirm").header("Authorization", bearer(login))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("token", token))));
	}

	private static String bearer(String login) {
		return "Bearer " + read(login, "$.accessToken");
	}
}
