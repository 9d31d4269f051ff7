package dev.hitter.auth.token;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One RSA key pair auth-service signs access tokens with, kept so that a restart logs nobody out. */
@Entity
@Table(name = "signing_key")
class SigningKey {

	@Id
	private String kid;

	@Column(nullable = false)
	private String algorithm;

	/** X.509 SubjectPublicKeyInfo, Base64. */
	@Column(name = "public_key", nullable = false)
	private String publicKey;

	/** PKCS#8, Base64. */
	@Column(name = "private_key", nullable = false)
	private String privateKey;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected SigningKey() {
	}

	SigningKey(String kid, String algorithm, String publicKey, String privateKey, Instant createdAt) {
		this.kid = kid;
		this.algorithm = algorithm;
		this.publicKey = publicKey;
		this.privateKey = privateKey;
		this.createdAt = createdAt;
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

	Instant createdAt() {
		return createdAt;
	}
}
