package dev.hitter.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.AuthProblems;
import dev.hitter.auth.AuthProperties;
import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.signup.SignUpMember;
import dev.hitter.auth.throttle.LoginThrottle;
import dev.hitter.auth.throttle.LoginThrottle.Attempt;
import dev.hitter.auth.token.AccessTokenIssuer;
import dev.hitter.auth.twofactor.TwoFactorChallenges;
import dev.hitter.auth.twofactor.TwoFactorRequests;
import dev.hitter.auth.token.AccessTokenIssuer.IssuedAccessToken;
import dev.hitter.kit.problem.ApiException;

/** Login, refresh and logout: a session is a family of rotating refresh tokens. */
@Service
public class Sessions {

	private static final Logger log = LoggerFactory.getLogger(Sessions.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MemberRepository members;

	private final RefreshTokenRepository refreshTokens;

	private final PasswordEncoder passwordEncoder;

	private final AccessTokenIssuer accessTokens;

	private final AuthProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final LoginThrottle throttle;

	private final TwoFactorChallenges twoFactor;

	private final AuditLog audit;

	// Checked against when the email is unknown, so both failures cost the same time.
	private final String decoyHash;

	Sessions(MemberRepository members, RefreshTokenRepository refreshTokens, PasswordEncoder passwordEncoder,
			AccessTokenIssuer accessTokens, AuthProperties properties, TransactionTemplate transaction, Clock clock,
			LoginThrottle throttle, TwoFactorChallenges twoFactor, AuditLog audit) {
		this.members = members;
		this.refreshTokens = refreshTokens;
		this.passwordEncoder = passwordEncoder;
		this.accessTokens = accessTokens;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
		this.throttle = throttle;
		this.twoFactor = twoFactor;
		this.audit = audit;
		this.decoyHash = passwordEncoder.encode(UUID.randomUUID().toString());
	}

	/**
	 * Checks the e-mail and password, slowed by the {@link LoginThrottle}: a throttled attempt is refused before any
	 * hash is computed, for a member's e-mail and an unknown one alike; an admitted one always pays one Argon2 check.
	 * A member with two-factor on gets a challenge for the second step instead of tokens.
	 */
	public SignInAnswer login(LoginRequest request, SignInContext context) {
		String email = SignUpMember.normaliseEmail(request.email());
		Attempt attempt;
		try {
			attempt = throttle.admit(email, context.clientAddress());
		}
		catch (ApiException throttled) {
			// The same look-up for a member's address and an unknown one: the timing tells nothing.
			audit.record(AuditEvent.of(AuditKinds.LOGIN_THROTTLED,
					members.findByEmail(email).map(MemberAccount::id).orElse(null), "password"));
			throw throttled;
		}
		Optional<MemberAccount> member = members.findByEmail(email);
		String hash = member.map(MemberAccount::passwordHash).orElse(decoyHash);
		boolean matches = passwordEncoder.matches(request.password(), hash);
		if (member.isEmpty() || !matches) {
			// Never the submitted e-mail: people type passwords into the wrong field.
			audit.record(AuditEvent.of(AuditKinds.LOGIN_FAILED, member.map(MemberAccount::id).orElse(null),
					member.isEmpty() ? "unknown address" : "wrong password"));
			throw new ApiException(AuthProblems.INVALID_CREDENTIALS, "Email or password is wrong.");
		}
		MemberAccount account = member.get();
		if (account.suspended()) {
			// Only after the right password: to anyone without it, a suspended account looks like any other.
			throw new ApiException(AuthProblems.ACCOUNT_SUSPENDED, "This account is suspended.");
		}
		if (passwordEncoder.upgradeEncoding(account.passwordHash())) {
			rehash(account, request.password());
		}
		Optional<TwoFactorChallenges.IssuedChallenge> challenge = twoFactor.challengeIfEnabled(account,
				context.userAgent());
		if (challenge.isPresent()) {
			// Not signed in yet: wrong codes guessed before must still count.
			throttle.refunded(attempt);
			return new TwoFactorRequired(challenge.get().value(), challenge.get().ttl().toSeconds());
		}
		throttle.succeeded(attempt);
		audit.record(AuditEvent.of(AuditKinds.LOGIN_SUCCEEDED, account.id(), "password"));
		return start(account, context.userAgent());
	}

	/** The second step of a sign-in with two-factor on: the tokens, once the code is right. */
	public TokenPair completeTwoFactor(TwoFactorRequests.SignIn request, SignInContext context) {
		TwoFactorChallenges.Completed completed = twoFactor.complete(request, context.clientAddress());
		audit.record(AuditEvent.of(AuditKinds.LOGIN_SUCCEEDED, completed.account().id(),
				request.recoveryCode() != null ? "password and recovery code" : "password and authenticator code"));
		// The device is the one that gave the password (the same browser, normally).
		return start(completed.account(),
				completed.userAgent() != null ? completed.userAgent() : context.userAgent());
	}

	/** Starts a new login (a new family of refresh tokens) for a member whose credentials were checked. */
	private TokenPair start(MemberAccount account, String userAgent) {
		return transaction.execute(status -> issue(account, UUID.randomUUID(), clock.instant(), userAgent));
	}

	@Transactional(noRollbackFor = RefreshTokenReuseException.class)
	public TokenPair refresh(RefreshRequest request) {
		Instant now = clock.instant();
		RefreshToken presented = refreshTokens.findByTokenHash(hash(request.refreshToken()))
			.orElseThrow(Sessions::invalidRefreshToken);
		if (presented.isRevoked() || (presented.isRotated() && !isWithinReuseGrace(presented, now))) {
			int revoked = refreshTokens.revokeFamily(presented.familyId(), now);
			log.warn("Spent refresh token presented again for member {}: revoked {} token(s) of its session",
					presented.memberId(), revoked);
			// noRollbackFor: the revocation is committed even though the caller gets an error.
			throw new RefreshTokenReuseException();
		}
		if (presented.isRotated()) {
			log.info("Refresh token of member {} presented again {} ms after its rotation, within the reuse grace: "
					+ "a sibling is issued", presented.memberId(),
					Duration.between(presented.rotatedAt(), now).toMillis());
		}
		if (presented.isExpiredAt(now)) {
			throw invalidRefreshToken();
		}
		if (presented.hasOutlived(properties.refreshTokenMaxLifetime(), now)) {
			log.info("Login of member {} reached its maximum lifetime; refresh refused", presented.memberId());
			throw invalidRefreshToken();
		}
		MemberAccount account = members.findById(presented.memberId()).orElseThrow(Sessions::invalidRefreshToken);
		presented.rotate(now);
		return issue(account, presented.familyId(), presented.sessionStartedAt(), presented.userAgent());
	}

	/**
	 * Two tabs share one refresh cookie: both may refresh with it before either sees the other's answer. The token
	 * rotated last in its login is therefore accepted again for a few seconds; an older one never is.
	 */
	private boolean isWithinReuseGrace(RefreshToken presented, Instant now) {
		return presented.wasRotatedWithin(properties.refreshReuseGrace(), now)
				&& !refreshTokens.existsByFamilyIdAndRotatedAtAfter(presented.familyId(), presented.rotatedAt());
	}

	@Transactional
	public void logout(UUID memberId, RefreshRequest request) {
		refreshTokens.findByTokenHash(hash(request.refreshToken()))
			.filter(token -> token.memberId().equals(memberId))
			.ifPresent(token -> {
				refreshTokens.revokeFamily(token.familyId(), clock.instant());
				audit.record(AuditEvent.of(AuditKinds.LOGGED_OUT, memberId, "session " + token.familyId()));
			});
	}

	/** Ends every login of the member (e.g. after a password reset); joins the caller's transaction. */
	@Transactional
	public void endAll(UUID memberId) {
		int revoked = refreshTokens.revokeMember(memberId, clock.instant());
		log.info("Ended every session of member {} ({} refresh token(s) revoked)", memberId, revoked);
	}

	private TokenPair issue(MemberAccount account, UUID familyId, Instant sessionStartedAt, String userAgent) {
		Instant now = clock.instant();
		IssuedAccessToken access = accessTokens.issue(account, familyId);
		String refreshToken = newRefreshTokenValue();
		// Sliding, but never past the end of the login's lifetime.
		Instant sessionEnds = sessionStartedAt.plus(properties.refreshTokenMaxLifetime());
		Instant slides = now.plus(properties.refreshTokenTtl());
		Instant expiresAt = slides.isBefore(sessionEnds) ? slides : sessionEnds;
		refreshTokens.save(new RefreshToken(account.id(), familyId, hash(refreshToken), sessionStartedAt, now, expiresAt,
				userAgent));
		return new TokenPair(access.value(), "Bearer", Duration.between(now, access.expiresAt()).toSeconds(),
				refreshToken, Duration.between(now, expiresAt).toSeconds());
	}

	private void rehash(MemberAccount account, String password) {
		String upgraded = passwordEncoder.encode(password);
		transaction.executeWithoutResult(status -> members.findById(account.id())
			.ifPresent(fresh -> fresh.changePasswordHash(upgraded, clock.instant())));
	}

	private static String newRefreshTokenValue() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String refreshToken) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ApiException invalidRefreshToken() {
		return new ApiException(AuthProblems.INVALID_REFRESH_TOKEN, "The refresh token is not valid; sign in again.");
	}

	/** A spent token came back: the session is ended, and that must be committed, not rolled back. */
	static class RefreshTokenReuseException extends ApiException {

		RefreshTokenReuseException() {
			super(AuthProblems.INVALID_REFRESH_TOKEN, "The refresh token is not valid; sign in again.");
		}
	}
}
