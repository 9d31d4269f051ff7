package dev.hitter.auth.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One refresh token, stored only as its SHA-256. Each use rotates it: it is spent and a new one of the same family
 * is issued; a second use of a spent token means it was stolen, and the whole family is revoked — except for the
 * token rotated last in its family, within the reuse grace after its rotation (two tabs racing one cookie). The
 * family keeps the moment of its sign-in, so that refreshing cannot stretch a login past its maximum lifetime.
 */
@Entity
@Table(name = "refresh_token")
class RefreshToken {

	@Id
	@JdbcTypeCode(SqlTypes.CHAR)
	private UUID id;

	@Column(name = "member_id", nullable = false)
	@JdbcTypeCode(SqlTypes.CHAR)
	private UUID memberId;

	@Column(name = "family_id", nullable = false)
	@JdbcTypeCode(SqlTypes.CHAR)
	private UUID familyId;

	@Column(name = "token_hash", nullable = false, unique = true)
	private String tokenHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "session_started_at", nullable = false)
	private Instant sessionStartedAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	// Spent by a refresh; kept apart from revokedAt (logout, reuse) so that the grace can tell the two apart.
	@Column(name = "rotated_at")
	private Instant rotatedAt;

	// The device the login was made from, carried from token to token.
	@Column(name = "user_agent")
	private String userAgent;

	protected RefreshToken() {
	}

	RefreshToken(UUID memberId, UUID familyId, String tokenHash, Instant sessionStartedAt, Instant createdAt,
			Instant expiresAt, String userAgent) {
		this.userAgent = userAgent;
		this.id = UUID.randomUUID();
		this.memberId = memberId;
		this.familyId = familyId;
		this.tokenHash = tokenHash;
		this.sessionStartedAt = sessionStartedAt;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	boolean isRevoked() {
		return revokedAt != null;
	}

	boolean isExpiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}

	/** Checked against today's setting too, so a lowered maximum also ends logins that started before. */
	boolean hasOutlived(Duration maxLifetime, Instant now) {
		return !now.isBefore(sessionStartedAt.plus(maxLifetime));
	}

	boolean isRotated() {
		return rotatedAt != null;
	}

	boolean wasRotatedWithin(Duration grace, Instant now) {
		return rotatedAt != null && now.isBefore(rotatedAt.plus(grace));
	}

	/** The first rotation counts: accepting it again within the grace does not move the grace on. */
	void rotate(Instant now) {
		if (rotatedAt == null) {
			rotatedAt = now;
		}
	}

	Instant rotatedAt() {
		return rotatedAt;
	}

	UUID memberId() {
		return memberId;
	}

	UUID familyId() {
		return familyId;
	}

	Instant sessionStartedAt() {
		return sessionStartedAt;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	String userAgent() {
		return userAgent;
	}
}
