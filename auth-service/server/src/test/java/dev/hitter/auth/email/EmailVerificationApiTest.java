package dev.hitter.auth.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.TestMailbox;

/** The link mailed at sign-up proves the address, once; after it the access tokens say so. */
class EmailVerificationApiTest extends AuthApiTest {

	private static final String INVALID_LINK = "https://hitter.dev/problems/invalid-link";

	@Test
	void theMailedLinkVerifiesTheAddressAndTheNextTokenSaysSo() throws Exception {
		String email = uniqueEmail();
		String before = signUpAndLogIn(email);
		assertThat((Boolean) JsonPath.read(accessClaims(before), "$.email_verified")).isFalse();

		verify(TestMailbox.awaitToken(email, 1)).andExpect(status().isNoContent());

		String refreshed = postJson("/api/v1/auth/refresh", Map.of("refreshToken", read(before, "$.refreshToken")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((Boolean) JsonPath.read(accessClaims(refreshed), "$.email_verified")).isTrue();
	}

	@Test
	void aLinkWorksOnlyOnce() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist").andExpect(status().isAccepted());
		String token = TestMailbox.awaitToken(email, 1);
		verify(token).andExpect(status().isNoContent());
		verify(token).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(INVALID_LINK));
	}

	@Test
	void garbageAndOversizedTokensAreRefusedWithoutDetail() throws Exception {
		verify("not-a-token").andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value(INVALID_LINK));
		verify("A".repeat(43)).andExpect(status().isForbidden());
		verify("x".repeat(10_000)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("token"));
		verify("").andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/auth/email-verification").contentType(MediaType.APPLICATION_JSON).content("{\"token\": 7}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void resendMailsANewLinkAndTheOldOneStopsWorking() throws Exception {
		String email = uniqueEmail();
		String login = signUpAndLogIn(email);
		String first = TestMailbox.awaitToken(email, 1);

		mvc.perform(post("/api/v1/auth/email-verification/resend").header("Authorization",
				"Bearer " + read(login, "$.accessToken")))
			.andExpect(status().isAccepted());
		String second = TestMailbox.awaitToken(email, 2);

		assertThat(second).isNotEqualTo(first);
		verify(first).andExpect(status().isForbidden());
		verify(second).andExpect(status().isNoContent());
	}

	@Test
	void resendSendsNothingOnceVerified() throws Exception {
		String email = uniqueEmail();
		String login = signUpVerifyAndLogIn(email);
		mvc.perform(post("/api/v1/auth/email-verification/resend").header("Authorization",
				"Bearer " + read(login, "$.accessToken")))
			.andExpect(status().isAccepted());
		// A mail for someone else, sent after: once it has arrived, a resend mail would have too (one sender thread).
		String other = uniqueEmail();
		signUp(other, STRONG_PASSWORD, "Other", "artist").andExpect(status().isAccepted());
		TestMailbox.awaitMessage(other, 1);
		assertThat(TestMailbox.messagesTo(email)).hasSize(1);
	}

	@Test
	void resendNeedsSignIn() throws Exception {
		mvc.perform(post("/api/v1/auth/email-verification/resend")).andExpect(status().isUnauthorized());
	}

	private org.springframework.test.web.servlet.ResultActions verify(String token) throws Exception {
		return postJson("/api/v1/auth/email-verification", Map.of("token", token));
	}
}
