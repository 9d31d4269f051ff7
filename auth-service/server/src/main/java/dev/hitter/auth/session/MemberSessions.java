package dev.hitter.auth.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.AuthProperties;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/** The member's own logins: list them, end one, end all but the one in use. */
@Service
public class MemberSessions {

	private final RefreshTokenRepository refreshTokens;

	private final AuthProperties properties;

	private final Clock clock;

	private final AuditLog audit;

	MemberSessions(RefreshTokenRepository refreshTokens, AuthProperties properties, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.refreshTokens = refreshTokens;
		this.properties = properties;
		this.clock = clock;
	}

	/** Living logins, the one in use first, then the most recently used. */
	@Transactional(readOnly = true)
	public List<SessionInfo> list(UUID memberId, UUID currentSessionId) {
		Instant now = clock.instant();
		Map<UUID, List<RefreshToken>> families = refreshTokens.findByMemberIdAndRevokedAtIsNull(memberId)
			.stream()
			.collect(Collectors.groupingBy(RefreshToken::familyId));
		return families.entrySet()
			.stream()
			.filter(family -> family.getValue().stream().anyMatch(token -> isUsable(token, now)))
			.map(family -> {
				RefreshToken latest = family.getValue()
					.stream()
					.max(Comparator.comparing(RefreshToken::createdAt))
					.orElseThrow();
				return new SessionInfo(family.getKey(), Device.of(latest.userAgent()), latest.sessionStartedAt(),
						latest.createdAt(), family.getKey().equals(currentSessionId));
			})
			.sorted(Comparator.comparing(SessionInfo::current)
				.reversed()
				.thenComparing(SessionInfo::lastUsedAt, Comparator.reverseOrder()))
			.toList();
	}

	/** Ends one of the member's logins; another member's, or one that is over, is not found. */
	@Transactional
	public void end(UUID memberId, UUID sessionId) {
		Instant now = clock.instant();
		boolean living = refreshTokens.findByMemberIdAndFamilyIdAndRevokedAtIsNull(memberId, sessionId)
			.stream()
			.anyMatch(token -> isUsable(token, now));
		if (!living) {
			throw new ApiException(ProblemType.NOT_FOUND, "No such session.");
		}
		refreshTokens.revokeFamily(sessionId, now);
		audit.record(AuditEvent.of(AuditKinds.SESSION_ENDED, memberId, "session " + sessionId));
	}

	/** The member's "sign out everywhere else", recorded in the audit log with the change. */
	@Transactional
	public int endOthers(UUID memberId, UUID keptSessionId) {
		int revoked = endAllBut(memberId, keptSessionId);
		audit.record(AuditEvent.of(AuditKinds.SESSION_ENDED, memberId, "all other sessions (" + revoked
				+ " refresh token(s))"));
		return revoked;
	}

	/**
	 * Ends every login of the member but the one given (all of them when it is null).
	 *
	 * @return how many token rows were revoked
	 */
	@Transactional
	public int endAllBut(UUID memberId, UUID keptSessionId) {
		Instant now = clock.instant();
		return keptSessionId == null ? refreshTokens.revokeMember(memberId, now)
				: refreshTokens.revokeMemberExcept(memberId, keptSessionId, now);
	}

	private boolean isUsable(RefreshToken token, Instant now) {
		return !token.isRevoked() && !token.isRotated() && !token.isExpiredAt(now)
				&& !token.hasOutlived(properties.refreshTokenMaxLifetime(), now);
	}
}
