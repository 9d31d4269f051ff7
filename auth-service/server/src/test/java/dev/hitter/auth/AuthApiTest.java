package dev.hitter.auth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.localdb.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

/** The base of auth-service's API tests: the whole service on a real MySQL-protocol database. */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class AuthApiTest {

	protected static final String STRONG_PASSWORD = "tempo-128-bpm!";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	protected MockMvc mvc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerDataSource(registry, "hitter_auth");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestMailbox::smtpPort);
		registry.add("hitter.mail.public-url", () -> PUBLIC_URL);
	}

	/** Where the tests' mails say the web app is. */
	protected static final String PUBLIC_URL = "https://hitter.test";

	protected static String uniqueEmail() {
		return "member-" + UUID.randomUUID() + "@example.com";
	}

	protected static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	protected ResultActions postJson(String path, Object body) throws Exception {
		return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json(body)));
	}

	protected ResultActions signUp(String email, String password, String displayName, String kind) throws Exception {
		return postJson("/api/v1/auth/signup",
				Map.of("email", email, "password", password, "displayName", displayName, "kind", kind));
	}

	/** Signs a new member up and logs them in; returns the login answer's JSON. */
	protected String signUpAndLogIn(String email) throws Exception {
		signUp(email, STRONG_PASSWORD, "Min-ji", "producer").andExpect(status().isAccepted());
		return logIn(email, STRONG_PASSWORD);
	}

	/** Signs a new member up, verifies their address through the link mailed to it, and logs them in. */
	protected String signUpVerifyAndLogIn(String email) throws Exception {
		signUp(email, STRONG_PASSWORD, "Min-ji", "producer").andExpect(status().isAccepted());
		postJson("/api/v1/auth/email-verification", Map.of("token", TestMailbox.awaitToken(email, 1)))
			.andExpect(status().isNoContent());
		return logIn(email, STRONG_PASSWORD);
	}

	protected String logIn(String email, String password) throws Exception {
		return postJson("/api/v1/auth/login", Map.of("email", email, "password", password))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The claims of the access token in a login or refresh answer, as JSON. */
	protected static String accessClaims(String loginJson) {
		return new String(java.util.Base64.getUrlDecoder().decode(read(loginJson, "$.accessToken").split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
	}

	protected static String read(String json, String path) {
		return JsonPath.read(json, path).toString();
	}
}
