package dev.hitter.auth.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.TestMailbox;

class SignupApiTest extends AuthApiTest {

	@Test
	void signUpAnswersCheckYourMailAndMailsAVerificationLink() throws Exception {
		String email = uniqueEmail();
		signUp(email.toUpperCase(), STRONG_PASSWORD, "  Min-ji  ", "Producer")
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.next").value("check-your-mail"))
			.andExpect(jsonPath("$.accessToken").doesNotExist())
			.andExpect(jsonPath("$.id").doesNotExist())
			.andExpect(content().string(not(containsString(STRONG_PASSWORD))));

		MimeMessage mail = TestMailbox.awaitMessage(email, 1);
		assertThat(TestMailbox.text(mail)).contains(PUBLIC_URL + "/verify-email?token=");
		assertThat(TestMailbox.tokenIn(mail)).hasSizeGreaterThanOrEqualTo(40);
	}

	@Test
	void aTakenAddressGetsTheSameAnswerAndItsOwnerAMailSayingSomeoneTried() throws Exception {
		String email = uniqueEmail();
		String fresh = signUp(email, STRONG_PASSWORD, "Min-ji", "artist").andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String taken = signUp(email.toUpperCase(), "another-pass-99!", "Someone else", "label")
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(taken).isEqualTo(fresh);
		MimeMessage notice = TestMailbox.awaitMessage(email, 2);
		assertThat(TestMailbox.text(notice)).contains("already has an account").contains(PUBLIC_URL + "/forgot-password")
			.doesNotContain("token=");
		// The first account is untouched: its password still works, the stranger's does not.
		logIn(email, STRONG_PASSWORD);
		postJson("/api/v1/auth/login", Map.of("email", email, "password", "another-pass-99!"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anUnverifiedMemberMaySignInAndTheirTokenSaysUnverified() throws Exception {
		String email = uniqueEmail();
		String login = signUpAndLogIn(email);
		assertThat((Boolean) JsonPath.read(accessClaims(login), "$.email_verified")).isFalse();
		mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + read(login, "$.accessToken")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.emailVerified").value(false));
	}

	@Test
	void rejectsMalformedEmailNamingTheField() throws Exception {
		signUp("not-an-email@", STRONG_PASSWORD, "Min-ji", "artist").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("email"));
	}

	@Test
	void rejectsWeakPasswordSayingTheRule() throws Exception {
		signUp(uniqueEmail(), "short1", "Min-ji", "artist").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].detail").value(PasswordPolicy.RULE));
	}

	@Test
	void rejectsACommonPasswordEvenIfLong() throws Exception {
		signUp(uniqueEmail(), "Password123", "Min-ji", "artist").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
	}

	@Test
	void rejectsOverLongDisplayName() throws Exception {
		signUp(uniqueEmail(), STRONG_PASSWORD, "가".repeat(51), "artist").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("displayName"));
	}

	@Test
	void rejectsUnknownKindOfMember() throws Exception {
		signUp(uniqueEmail(), STRONG_PASSWORD, "Min-ji", "drummer").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
	}

	@Test
	void malformedJsonIsABadRequestNotAServerError() throws Exception {
		mvc.perform(post("/api/v1/auth/signup").contentType(MediaType.APPLICATION_JSON).content("{\"email\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/malformed-request"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void missingFieldsAreEachNamed() throws Exception {
		postJson("/api/v1/auth/signup", Map.of("email", uniqueEmail())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'displayName')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'kind')]").exists());
	}
}
