package dev.hitter.auth.token;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One RSA key pair auth-service signs access tokens with, kept so that a restart logs nobody out. Published in the
 * key set from its creation, it signs from {@code activatesAt} and leaves the key set at {@code retiresAt}.
 */
@Entity
@Table(name = "signing_key")
class SigningKey {

	/** How the private half is stored. */
	enum Format {
		/** PKCS#8, Base64: rows from before encryption at rest; encrypted at the next start. */
		PLAIN,
		/** {@link PrivateKeyEncryption}: AES-256-GCM under the key-encryption key. */
		AES256GCM
	}

	@Id
	private String kid;

	@Column(nullable = false)
	private String algorithm;

	/** X.509 SubjectPublicKeyInfo, Base64. */
	@Column(name = "public_key", nullable = false)
	private String publicKey;

	/** As {@link #format} says. */
	@Column(name = "private_key", nullable = false)
	private String privateKey;

	@Enumerated(EnumType.STRING)
	@Column(name = "key_format", nullable = false)
	private Format format;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "activates_at", nullable = false)
	private Instant activatesAt;

	@Column(name = "retires_at")
	private Instant retiresAt;

	protected SigningKey() {
	}

	SigningKey(String kid, String algorithm, String publicKey, String encryptedPrivateKey, Instant createdAt,
			Instant activatesAt) {
		this.kid = kid;
		this.algorithm = algorithm;
		this.publicKey = publicKey;
		this.privateKey = encryptedPrivateKey;
		this.format = Format.AES256GCM;
		this.createdAt = createdAt;
		this.activatesAt = activatesAt;
	}

	String kid() {
		return kid;
	}

	String publicKey() {
		return publicKey;
	}

	String privateKey() {
		return privateKey;
	}

	Format format() {
		return format;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant activatesAt() {
		return activatesAt;
	}

	Instant retiresAt() {
		return retiresAt;
	}

	boolean isPublishedAt(Instant now) {
		return retiresAt == null || retiresAt.isAfter(now);
	}

	void encrypted(String encryptedPrivateKey) {
		this.privateKey = encryptedPrivateKey;
		this.format = Format.AES256GCM;
	}

	void retireAt(Instant when) {
		this.retiresAt = when;
	}
}
