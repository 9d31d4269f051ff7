package dev.hitter.community;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hitter.kit.security.Member;
import dev.hitter.kit.security.Role;

/**
 * Members of the tests, signed in as the service sees them. The token value is a readable stand-in (header and
 * payload in base64url, no signature) so that the prediction-service stand-in can tell who called it.
 */
public final class TestMembers {

	private TestMembers() {
	}

	public static RequestPostProcessor member(UUID id, String name) {
		return as(id, name, List.of("MEMBER"), true);
	}

	/** A member who has not verified their e-mail address yet: may read, not write. */
	public static RequestPostProcessor unverifiedMember(UUID id, String name) {
		return as(id, name, List.of("MEMBER"), false);
	}

	public static RequestPostProcessor admin(UUID id, String name) {
		return as(id, name, List.of("MEMBER", "ADMIN"), true);
	}

	/** A service's token as auth-service issues it (audience hitter-internal, subject service:<name>, role SERVICE). */
	public static RequestPostProcessor service(String name) {
		return jwt().jwt(jwt -> jwt.subject("service:" + name)
			.audience(List.of("hitter-internal"))
			.claim("roles", List.of("SERVICE"))
			.claim("client_id", name)).authorities(List.of());
	}

	public static Member memberObject(UUID id, String name) {
		return new Member(id, name + "@example.com", name, Set.of(Role.MEMBER), true);
	}

	private static RequestPostProcessor as(UUID id, String name, List<String> roles, boolean emailVerified) {
		return jwt().jwt(jwt -> jwt.tokenValue(tokenFor(id))
			.subject(id.toString())
			.claim(Member.EMAIL_VERIFIED_CLAIM, emailVerified)
			.claim("name", name)
			.claim("email", name + "@example.com")
			.claim("roles", roles))
			.authorities(roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList());
	}

	public static String tokenFor(UUID id) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(("{\"sub\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)) + ".test";
	}

	/** Whose stand-in token an Authorization header carries; null when it is none of ours. */
	static UUID subjectOf(String authorization) {
		try {
			String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
			String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
			return UUID.fromString(json.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1"));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}
}
