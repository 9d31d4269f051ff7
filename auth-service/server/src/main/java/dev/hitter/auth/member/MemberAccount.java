package dev.hitter.auth.member;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.hitter.kit.security.Role;

/** A member's account: who they are, how they sign in, and what they may do. */
@Entity
@Table(name = "member")
public class MemberAccount {

	@Id
	@JdbcTypeCode(SqlTypes.CHAR)
	private UUID id;

	@Column(nullable = false, unique = true)
	private String email;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MemberKind kind;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "member_role", joinColumns = @JoinColumn(name = "member_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private String affiliation;

	private String bio;

	@Column(name = "email_verified_at")
	private Instant emailVerifiedAt;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "suspended_at")
	private Instant suspendedAt;

	@Column(name = "suspension_reason")
	private String suspensionReason;

	@Version
	private long version;

	protected MemberAccount() {
	}

	public MemberAccount(String email, String passwordHash, String displayName, MemberKind kind, Set<Role> roles,
			Instant now) {
		this.id = UUID.randomUUID();
		this.email = email;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.kind = kind;
		this.roles = EnumSet.copyOf(roles);
		this.createdAt = now;
		this.updatedAt = now;
	}

	public void grant(Role role, Instant now) {
		if (roles.add(role)) {
			updatedAt = now;
		}
	}

	/** @return whether the member had the role */
	public boolean revoke(Role role, Instant now) {
		if (roles.remove(role)) {
			updatedAt = now;
			return true;
		}
		return false;
	}

	public void changePasswordHash(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	/**
	 * Changes what others see of the member; a field given as {@code null} stays as it is, an empty affiliation or
	 * bio is removed.
	 *
	 * @return whether the display name changed (other services keep copies of it)
	 */
	public boolean editProfile(String displayName, MemberKind kind, String affiliation, String bio, Instant now) {
		boolean renamed = displayName != null && !displayName.equals(this.displayName);
		if (displayName != null) {
			this.displayName = displayName;
		}
		if (kind != null) {
			this.kind = kind;
		}
		if (affiliation != null) {
			this.affiliation = affiliation.isEmpty() ? null : affiliation;
		}
		if (bio != null) {
			this.bio = bio.isEmpty() ? null : bio;
		}
		this.updatedAt = now;
		return renamed;
	}

	public String affiliation() {
		return affiliation;
	}

	public String bio() {
		return bio;
	}

	/** The member proved they read mail at their address (a link sent there was opened). */
	public void verifyEmail(Instant now) {
		if (emailVerifiedAt == null) {
			emailVerifiedAt = now;
			updatedAt = now;
		}
	}

	/** Moves the account to an address the member has just proved they own. */
	public void changeEmail(String newEmail, Instant now) {
		this.email = newEmail;
		this.emailVerifiedAt = now;
		this.updatedAt = now;
	}

	/** An administrator suspended the member: no sign-in, every token refused, until reinstated. */
	public void suspend(String reason, Instant now) {
		this.suspendedAt = now;
		this.suspensionReason = reason;
		this.updatedAt = now;
	}

	public void reinstate(Instant now) {
		this.suspendedAt = null;
		this.suspensionReason = null;
		this.updatedAt = now;
	}

	public boolean suspended() {
		return suspendedAt != null;
	}

	/** When an administrator suspended the member; null when not suspended. */
	public Instant suspendedAt() {
		return suspendedAt;
	}

	public String suspensionReason() {
		return suspensionReason;
	}

	public boolean emailVerified() {
		return emailVerifiedAt != null;
	}

	public UUID id() {
		return id;
	}

	public String email() {
		return email;
	}

	public String passwordHash() {
		return passwordHash;
	}

	public String displayName() {
		return displayName;
	}

	public MemberKind kind() {
		return kind;
	}

	public Set<Role> roles() {
		return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	public Instant createdAt() {
		return createdAt;
	}
}
