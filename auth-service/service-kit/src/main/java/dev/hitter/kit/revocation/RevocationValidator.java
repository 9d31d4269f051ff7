package dev.hitter.kit.revocation;

import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses (401, like any invalid token) a member's access token that {@link RevokedMembers} says is revoked. Service
 * tokens ({@code sub} {@code service:…}) are not members' and pass.
 */
public final class RevocationValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token is revoked",
			null);

	private final RevokedMembers revoked;

	public RevocationValidator(RevokedMembers revoked) {
		this.revoked = revoked;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		UUID member = memberOf(token.getSubject());
		if (member != null && revoked.refuses(member, token.getIssuedAt())) {
			return OAuth2TokenValidatorResult.failure(REVOKED);
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static UUID memberOf(String subject) {
		try {
			return subject == null ? null : UUID.fromString(subject);
		}
		catch (IllegalArgumentException notAMember) {
			return null;
		}
	}
}
