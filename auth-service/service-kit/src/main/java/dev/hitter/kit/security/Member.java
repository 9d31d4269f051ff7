package dev.hitter.kit.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/**
 * The signed-in member as the access token describes them. Controllers take it as a parameter;
 * services never look a member up in another service's tables.
 *
 * @param emailVerified whether the member has proved they own their e-mail address (the {@code email_verified}
 *        claim); what others can see — published audio, posts, comments — needs it
 * @param clientId the partner API client that called on the member's behalf ({@code client_id}); null when the
 *        member called themselves (the web app, a member's own token)
 * @param scopes what that client may do ({@code scope}); empty for a member's own token, which is not limited by
 *        scopes
 */
public record Member(UUID id, String email, String displayName, Set<Role> roles, boolean emailVerified,
		String clientId, Set<String> scopes) {

	public static final String ROLES_CLAIM = "roles";

	public static final String EMAIL_CLAIM = "email";

	public static final String NAME_CLAIM = "name";

	/** OpenID Connect's name for it, so that standard tools read it too. */
	public static final String EMAIL_VERIFIED_CLAIM = "email_verified";

	/** RFC 9068's names: a partner client's token says which client it was issued to and what it may do. */
	public static final String CLIENT_ID_CLAIM = "client_id";

	public static final String SCOPE_CLAIM = "scope";

	public Member {
		scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
	}

	/** A member calling for themselves (no partner client). */
	public Member(UUID id, String email, String displayName, Set<Role> roles, boolean emailVerified) {
		this(id, email, displayName, roles, emailVerified, null, Set.of());
	}

	/** A member whose address is not known to be verified: the safe default where nobody said otherwise. */
	public Member(UUID id, String email, String displayName, Set<Role> roles) {
		this(id, email, displayName, roles, false);
	}

	public static Member from(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
		// A token without the claim (minted before it existed) counts as unverified.
		return new Member(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(EMAIL_CLAIM),
				jwt.getClaimAsString(NAME_CLAIM), Role.parseAll(roles),
				Boolean.TRUE.equals(jwt.getClaimAsBoolean(EMAIL_VERIFIED_CLAIM)), clientIdOf(jwt), scopesOf(jwt));
	}

	/** The partner client a token was issued to; null for a member's own token. */
	public static String clientIdOf(Jwt jwt) {
		String clientId = jwt.getClaimAsString(CLIENT_ID_CLAIM);
		return clientId == null || clientId.isBlank() ? null : clientId;
	}

	/** The token's scopes, whether the claim is a JSON array (Spring Authorization Server) or a space-separated string. */
	public static Set<String> scopesOf(Jwt jwt) {
		Object claim = jwt.getClaim(SCOPE_CLAIM);
		Set<String> scopes = new LinkedHashSet<>();
		if (claim instanceof String text) {
			for (String scope : text.trim().split("\\s+")) {
				if (!scope.isEmpty()) {
					scopes.add(scope);
				}
			}
		}
		else if (claim instanceof Collection<?> list) {
			list.forEach(scope -> scopes.add(String.valueOf(scope)));
		}
		return scopes;
	}

	/** Whether a partner tool called through one of the member's API clients (limited to its scopes). */
	public boolean isPartnerClient() {
		return clientId != null;
	}

	public boolean isAdmin() {
		return roles.contains(Role.ADMIN);
	}

	/**
	 * Refuses, with 403 {@code email-unverified}, what only members with a verified address may do: anything that
	 * others will see, so that nobody speaks to the community under an address they do not own.
	 */
	public void requireVerifiedEmail() {
		if (!emailVerified) {
			throw new ApiException(ProblemType.EMAIL_UNVERIFIED,
					"Verify your e-mail address first: open the link we mailed you, or ask for a new one.");
		}
	}
}
