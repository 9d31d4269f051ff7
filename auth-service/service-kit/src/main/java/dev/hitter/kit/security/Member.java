package dev.hitter.kit.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The signed-in member as the access token describes them. Controllers take it as a parameter;
 * services never look a member up in another service's tables.
 */
public record Member(UUID id, String email, String displayName, Set<Role> roles) {

	public static final String ROLES_CLAIM = "roles";

	public static final String EMAIL_CLAIM = "email";

	public static final String NAME_CLAIM = "name";

	public static Member from(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
		return new Member(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(EMAIL_CLAIM),
				jwt.getClaimAsString(NAME_CLAIM), Role.parseAll(roles));
	}

	public boolean isAdmin() {
		return roles.contains(Role.ADMIN);
	}
}
