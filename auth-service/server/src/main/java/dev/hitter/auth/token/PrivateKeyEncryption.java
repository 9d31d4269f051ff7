package dev.hitter.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the private halves of the signing keys. Each value gets a fresh 96-bit nonce, stored before the
 * ciphertext; the key id is the associated data, so a ciphertext copied onto another row does not decrypt.
 */
final class PrivateKeyEncryption {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	PrivateKeyEncryption(byte[] key) {
		if (key.length != SigningKeyProperties.ENCRYPTION_KEY_BYTES) {
			throw new IllegalArgumentException("An AES-256 key has 32 bytes");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	/** Base64 of nonce and ciphertext (with its tag). */
	String encrypt(String kid, byte[] plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext);
			byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
			System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", ex);
		}
	}

	/**
	 * @throws WrongEncryptionKeyException when the value was encrypted with another key (or changed)
	 */
	byte[] decrypt(String kid, String stored) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(stored);
		}
		catch (IllegalArgumentException ex) {
			throw new WrongEncryptionKeyException(kid);
		}
		if (bytes.length <= NONCE_BYTES) {
			throw new WrongEncryptionKeyException(kid);
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
		}
		catch (AEADBadTagException wrongKey) {
			throw new WrongEncryptionKeyException(kid);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", ex);
		}
	}

	/** A stored private key does not decrypt with the configured key-encryption key. */
	static final class WrongEncryptionKeyException extends IllegalStateException {

		WrongEncryptionKeyException(String kid) {
			super("Signing key " + kid + " does not decrypt with hitter.auth.signing-keys.encryption-key "
					+ "(HITTER_SIGNING_KEY_ENCRYPTION_KEY): the key-encryption key is not the one the keys were stored "
					+ "with. auth-service does not start rather than make new keys, which would log everybody out. "
					+ "Give it the original key (./hitter run keeps it in $HITTER_HOME/service-secrets/); only if that "
					+ "key is lost for good, delete the rows of hitter_auth.signing_key: every member then signs in again.");
		}
	}
}
