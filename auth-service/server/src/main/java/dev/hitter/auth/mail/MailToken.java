package dev.hitter.auth.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A link mailed to a member, stored as the SHA-256 of its token: spent once, refused after it expires. */
@Entity
@Table(name = "mail_token")
public class MailToken {

	@Id
	@JdbcTypeCode(SqlTypes.CHAR)
	private UUID id;

	@Column(name = "member_id", nullable = false)
	@JdbcTypeCode(SqlTypes.CHAR)
	private UUID memberId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MailTokenPurpose purpose;

	@Column(name = "token_hash", nullable = false, unique = true)
	private String tokenHash;

	@Column(nullable = false)
	private String email;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "used_at")
	private Instant usedAt;

	protected MailToken() {
	}

	MailToken(UUID memberId, MailTokenPurpose purpose, String tokenHash, String email, Instant now,
			Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.memberId = memberId;
		this.purpose = purpose;
		this.tokenHash = tokenHash;
		this.email = email;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	boolean isUsableAt(Instant now) {
		return usedAt == null && now.isBefore(expiresAt);
	}

	void spend(Instant now) {
		this.usedAt = now;
	}

	public UUID memberId() {
		return memberId;
	}

	public MailTokenPurpose purpose() {
		return purpose;
	}

	/** The address the link was sent to. */
	public String email() {
		return email;
	}
}
