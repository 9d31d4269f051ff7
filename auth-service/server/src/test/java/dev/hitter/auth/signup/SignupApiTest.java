package dev.hitter.auth.signup;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import dev.hitter.auth.AuthApiTest;

class SignupApiTest extends AuthApiTest {

	@Test
	void signUpAnswersTheNewProfileWithoutThePassword() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "  Min-ji  ", "Producer").andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/users/me"))
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.displayName").value("Min-ji"))
			.andExpect(jsonPath("$.kind").value("producer"))
			.andExpect(jsonPath("$.roles[0]").value("MEMBER"))
			.andExpect(jsonPath("$.id").isNotEmpty())
			.andExpect(content().string(not(containsString(STRONG_PASSWORD))))
			.andExpect(jsonPath("$.passwordHash").doesNotExist());
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
	void rejectsTakenEmailWhateverItsCase() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist").andExpect(status().isCreated());
		signUp(email.toUpperCase(), STRONG_PASSWORD, "Someone else", "label").andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/email-taken"))
			.andExpect(jsonPath("$.errors[0].field").value("email"));
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
