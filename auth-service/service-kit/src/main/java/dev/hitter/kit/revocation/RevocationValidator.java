package dev.hitter.kit.revocation;

import dev.hitter.kit.security.Member;

import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses (401, like any invalid token) a partner client's token when the client is revoked or its secret was rotated
 * after the token was issued, and a member's access token that {@link RevokedMembers} says is revoked. Service
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
		String client = token.getClaimAsString(Member.CLIENT_ID_CLAIM);
		if (client != null && revoked.refusesClient(client, token.getIssuedAt())) {
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
