package dev.hitter.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;

@TestPropertySource(properties = { "hitter.auth.admin.email=Chief@Label.example",
		"hitter.auth.admin.password=first-admin-pass-42" })
class AdminBootstrapTest extends AuthApiTest {

	@Test
	void administratorFromTheSettingsCanLogInWithTheAdminRole() throws Exception {
		String tokens = postJson("/api/v1/auth/login",
				Map.of("email", "chief@label.example", "password", "first-admin-pass-42"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String claims = new String(Base64.getUrlDecoder().decode(read(tokens, "$.accessToken").split("\\.")[1]));
		assertThat(JsonPath.<List<String>>read(claims, "$.roles")).containsExactlyInAnyOrder("ADMIN", "MEMBER");
	}
}
