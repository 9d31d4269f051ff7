package dev.hitter.kit.security;

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
 */
public record Member(UUID id, String email, String displayName, Set<Role> roles, boolean emailVerified) {

	public static final String ROLES_CLAIM = "roles";

	public static final String EMAIL_CLAIM = "email";

	public static final String NAME_CLAIM = "name";

	/** OpenID Connect's name for it, so that standard tools read it too. */
	public static final String EMAIL_VERIFIED_CLAIM = "email_verified";

	/** A member whose address is not known to be verified: the safe default where nobody said otherwise. */
	public Member(UUID id, String email, String displayName, Set<Role> roles) {
		this(id, email, displayName, roles, false);
	}

	public static Member from(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
		// A token without the claim (minted before it existed) counts as unverified.
		return new Member(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(EMAIL_CLAIM),
				jwt.getClaimAsString(NAME_CLAIM), Role.parseAll(roles),
				Boolean.TRUE.equals(jwt.getClaimAsBoolean(EMAIL_VERIFIED_CLAIM)));
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
