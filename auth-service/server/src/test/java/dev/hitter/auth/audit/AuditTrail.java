package dev.hitter.auth.audit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.auth.signup.SignUpMember;
import dev.hitter.auth.signup.SignupRequest;
import dev.hitter.kit.security.Role;

/** Test helpers: an administrator of one's own, and a member's events read through the administrators' API. */
public final class AuditTrail {

	private AuditTrail() {
	}

	/** Creates a verified administrator with the given e-mail and password. */
	public static UUID administrator(SignUpMember signUp, String email, String password) {
		return signUp.createVerified(new SignupRequest(email, password, "Admin", "other"),
				EnumSet.of(Role.MEMBER, Role.ADMIN)).id();
	}

	/** The member's events, newest first, as the admin API answers them. */
	public static List<Map<String, Object>> eventsOf(MockMvc mvc, String adminBearer, String memberId)
			throws Exception {
		String page = mvc.perform(get("/api/v1/auth/admin/audit").param("memberId", memberId)
			.param("limit", "100")
			.header("Authorization", adminBearer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(page, "$.items");
	}
}
