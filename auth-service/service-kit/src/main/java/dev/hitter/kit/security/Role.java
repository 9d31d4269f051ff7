package dev.hitter.kit.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** What a member may do; every token lists its member's roles. */
public enum Role {

	MEMBER, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	/** The Spring Security authorities ({@code ROLE_…}) of the roles an access token lists. */
	public static List<GrantedAuthority> authoritiesOf(Jwt jwt) {
		return parseAll(jwt.getClaimAsStringList(Member.ROLES_CLAIM)).stream()
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
	}

	/** Unknown role names are ignored, so an older service tolerates a newer token. */
	public static Set<Role> parseAll(Collection<String> names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (names != null) {
			for (String name : names) {
				for (Role role : values()) {
					if (role.name().equals(name)) {
						roles.add(role);
					}
				}
			}
		}
		return roles;
	}
}
