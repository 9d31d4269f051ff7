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
	}

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
		signUp(email, STRONG_PASSWORD, "Min-ji", "producer").andExpect(status().isCreated());
		return postJson("/api/v1/auth/login", Map.of("email", email, "password", STRONG_PASSWORD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	protected static String read(String json, String path) {
		return JsonPath.read(json, path).toString();
	}
}
