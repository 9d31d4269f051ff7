package dev.hitter.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.AuthProperties;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.signup.SignUpMember;

@TestPropertySource(properties = { "hitter.auth.admin.email=Chief@Label.example",
		"hitter.auth.admin.password=first-admin-pass-42" })
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest extends AuthApiTest {

	private static final String ADMIN_PASSWORD = "the-operators-secret-9";

	@Autowired
	AuthProperties properties;

	@Autowired
	MemberRepository members;

	@Autowired
	SignUpMember signUpMember;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	@Autowired
	dev.hitter.auth.audit.AuditLog audit;

	@Test
	void administratorFromTheSettingsCanLogInWithTheAdminRole() throws Exception {
		assertThat(rolesAfterLogin("chief@label.example", "first-admin-pass-42")).containsExactlyInAnyOrder("ADMIN",
				"MEMBER");
	}

	@Test
	void administratorFromTheSettingsHasAVerifiedAddress() throws Exception {
		String login = logIn("chief@label.example", "first-admin-pass-42");
		assertThat((Boolean) JsonPath.read(accessClaims(login), "$.email_verified")).isTrue();
	}

	@Test
	void memberWhoRegisteredTheAdminAddressFirstIsNotPromoted(CapturedOutput output) throws Exception {
		// Sign-up is open: anyone may register (unverified) the address the operator will use.
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Squatter", "other").andExpect(status().isAccepted());

		bootstrap(email, ADMIN_PASSWORD);

		assertThat(rolesAfterLogin(email, STRONG_PASSWORD)).containsExactly("MEMBER");
		assertThat(output).contains(email).doesNotContain(ADMIN_PASSWORD);
	}

	@Test
	void existingAccountIsPromotedWhenItsPasswordIsTheAdministratorPassword() throws Exception {
		String email = uniqueEmail();
		signUp(email, ADMIN_PASSWORD, "Operator", "label").andExpect(status().isAccepted());

		bootstrap(email, ADMIN_PASSWORD);

		assertThat(rolesAfterLogin(email, ADMIN_PASSWORD)).containsExactlyInAnyOrder("ADMIN", "MEMBER");
	}

	@Test
	void existingAccountIsNotPromotedWithoutAnAdministratorPassword() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Squatter", "other").andExpect(status().isAccepted());

		bootstrap(email, "");

		assertThat(rolesAfterLogin(email, STRONG_PASSWORD)).containsExactly("MEMBER");
	}

	@Test
	void administratorStaysAdministratorWhenTheSettingsPasswordChangesLater(CapturedOutput output) throws Exception {
		bootstrap("chief@label.example", "a-rotated-secret-77");

		assertThat(rolesAfterLogin("chief@label.example", "first-admin-pass-42")).containsExactlyInAnyOrder("ADMIN",
				"MEMBER");
		assertThat(output).doesNotContain("NOT promoted");
	}

	private void bootstrap(String email, String password) {
		AuthProperties settings = new AuthProperties(properties.accessTokenTtl(), properties.refreshTokenTtl(),
				properties.refreshTokenMaxLifetime(), properties.refreshReuseGrace(),
				new AuthProperties.Admin(email, password, "Administrator"));
		new AdminBootstrap(settings, members, signUpMember, passwordEncoder, transaction, clock, audit)
			.run(new DefaultApplicationArguments());
	}

	private List<String> rolesAfterLogin(String email, String password) throws Exception {
		String tokens = postJson("/api/v1/auth/login", Map.of("email", email, "password", password))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String claims = new String(Base64.getUrlDecoder().decode(read(tokens, "$.accessToken").split("\\.")[1]));
		return JsonPath.read(claims, "$.roles");
	}
}
