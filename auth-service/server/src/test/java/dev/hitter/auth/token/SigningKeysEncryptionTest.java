package dev.hitter.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;

/** The private halves of the signing keys on the real database: encrypted, and unreadable with another key. */
class SigningKeysEncryptionTest extends SigningKeysTest {

	@Test
	void storedPrivateKeysAreNotPlaintext() throws Exception {
		String kid = running.current().getKeyID();
		Map<String, Object> row = jdbc.sql("SELECT private_key, key_format FROM signing_key WHERE kid = ?")
			.param(kid)
			.query()
			.singleRow();
		String stored = (String) row.get("private_key");
		byte[] plaintext = running.current().toRSAPrivateKey().getEncoded();
		assertThat(row.get("key_format")).isEqualTo("AES256GCM");
		assertThat(stored).isNotEqualTo(Base64.getEncoder().encodeToString(plaintext));
		byte[] bytes = Base64.getDecoder().decode(stored);
		assertThat(indexOf(bytes, java.util.Arrays.copyOfRange(plaintext, 100, 132))).as("no part of the key in the row")
			.isEqualTo(-1);
		assertThatThrownBy(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes)))
			.isInstanceOf(java.security.spec.InvalidKeySpecException.class);
	}

	@Test
	void aKeyStoredInPlaintextIsEncryptedAtTheNextStart() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
		String kid = "plaintext-" + UUID.randomUUID();
		Instant longAgo = Instant.now().minus(Duration.ofDays(2));
		// As V1–V9 stored keys; published for an hour still, never the one that signs (it activated long ago).
		jdbc.sql("INSERT INTO signing_key (kid, algorithm, public_key, private_key, key_format, created_at, activates_at, "
				+ "retires_at) VALUES (?, 'RS256', ?, ?, 'PLAIN', ?, ?, ?)")
			.params(kid, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
					Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), Timestamp.from(longAgo),
					Timestamp.from(longAgo), Timestamp.from(Instant.now().plus(Duration.ofHours(1))))
			.update();
		try {
			SigningKeys restarted = another(Clock.systemUTC());
			Map<String, Object> row = jdbc.sql("SELECT private_key, key_format FROM signing_key WHERE kid = ?")
				.param(kid)
				.query()
				.singleRow();
			assertThat(row.get("key_format")).isEqualTo("AES256GCM");
			assertThat(row.get("private_key"))
				.isNotEqualTo(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
			assertThat(((com.nimbusds.jose.jwk.RSAKey) restarted.jwkSet().getKeyByKeyId(kid)).toRSAPrivateKey())
				.as("decrypts to the same key")
				.isEqualTo(pair.getPrivate());
			assertThat(restarted.current().getKeyID()).isEqualTo(running.current().getKeyID());
		}
		finally {
			jdbc.sql("DELETE FROM signing_key WHERE kid = ?").param(kid).update();
		}
	}

	@Test
	void aWrongEncryptionKeyStopsTheStartInsteadOfMakingNewKeys() {
		long stored = repository.count();
		byte[] other = new byte[32];
		new java.security.SecureRandom().nextBytes(other);
		SigningKeyProperties wrong = new SigningKeyProperties(Base64.getEncoder().encodeToString(other),
				properties.rotateEvery(), properties.publishAhead());
		assertThatThrownBy(() -> another(Clock.systemUTC(), wrong))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("does not decrypt with hitter.auth.signing-keys.encryption-key")
			.hasMessageContaining("HITTER_SIGNING_KEY_ENCRYPTION_KEY");
		assertThat(repository.count()).isEqualTo(stored);
	}

	@Test
	void aMissingOrMalformedEncryptionKeyIsRefusedAtStartUpByName() {
		var validator = Validation.buildDefaultValidatorFactory().getValidator();
		for (String key : new String[] { null, "", "not base64 at all!", Base64.getEncoder().encodeToString(new byte[16]),
				Base64.getEncoder().encodeToString(new byte[33]) }) {
			assertThat(validator.validate(new SigningKeyProperties(key, Duration.ofDays(90), Duration.ofMinutes(10))))
				.as(String.valueOf(key))
				.extracting(ConstraintViolation::getMessage)
				.singleElement()
				.asString()
				.contains("HITTER_SIGNING_KEY_ENCRYPTION_KEY");
		}
		assertThat(validator.validate(new SigningKeyProperties(Base64.getEncoder().encodeToString(new byte[32]),
				Duration.ZERO, Duration.ofMinutes(10)))).isEmpty();
		assertThat(new SigningKeyProperties("c2VjcmV0", Duration.ZERO, Duration.ZERO).toString()).doesNotContain("c2VjcmV0");
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
