package dev.hitter.auth.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.hitter.kit.security.Role;

/** A member as they see themselves at {@code GET /api/v1/users/me}. */
public record MemberProfile(UUID id, String email, boolean emailVerified, String displayName, String kind,
		List<String> roles, Instant createdAt) {

	public static MemberProfile of(MemberAccount account) {
		return new MemberProfile(account.id(), account.email(), account.emailVerified(), account.displayName(), account.kind().apiName(),
				account.roles().stream().map(Role::name).sorted().toList(), account.createdAt());
	}
}
