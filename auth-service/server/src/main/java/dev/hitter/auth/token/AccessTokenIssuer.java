package dev.hitter.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import dev.hitter.auth.AuthProperties;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.kit.security.Member;
import dev.hitter.kit.security.Role;
import dev.hitter.kit.security.SecurityProperties;

/** Mints the short-lived RS256 access tokens that the gateway and every service verify. */
@Component
public class AccessTokenIssuer {

	private final JwtEncoder encoder;

	private final SigningKeys signingKeys;

	private final SecurityProperties security;

	private final AuthProperties auth;

	private final Clock clock;

	AccessTokenIssuer(JwtEncoder encoder, SigningKeys signingKeys, SecurityProperties security, AuthProperties auth,
			Clock clock) {
		this.encoder = encoder;
		this.signingKeys = signingKeys;
		this.security = security;
		this.auth = auth;
		this.clock = clock;
	}

	/** The login (session) a token belongs to: lets the member's sessions list say which one is theirs right now. */
	public static final String SESSION_CLAIM = "sid";

	public IssuedAccessToken issue(MemberAccount member) {
		return issue(member, null);
	}

	public IssuedAccessToken issue(MemberAccount member, UUID sessionId) {
		Instant now = clock.instant();
		Instant expiresAt = now.plus(auth.accessTokenTtl());
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(security.issuer())
			.subject(member.id().toString())
			.audience(List.of(security.audience()))
			.issuedAt(now)
			.expiresAt(expiresAt)
			.id(UUID.randomUUID().toString())
			.claim(Member.ROLES_CLAIM, member.roles().stream().map(Role::name).sorted().toList())
			.claim(Member.EMAIL_CLAIM, member.email())
			.claim(Member.EMAIL_VERIFIED_CLAIM, member.emailVerified())
			.claim(Member.NAME_CLAIM, member.displayName())
			.claim("kind", member.kind().apiName())
			.claims(map -> {
				if (sessionId != null) {
					map.put(SESSION_CLAIM, sessionId.toString());
				}
			})
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKeys.current().getKeyID()).build();
		String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new IssuedAccessToken(token, expiresAt);
	}

	/** An access token and when it stops being accepted. */
	public record IssuedAccessToken(String value, Instant expiresAt) {
	}
}
