package dev.hitter.auth.crypto;

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
 * AES-256-GCM for values auth-service keeps secret at rest (the signing keys' private halves, members' TOTP
 * secrets). Each value gets a fresh 96-bit nonce, stored before the ciphertext, all in Base64. The associated data
 * names what the value belongs to (a key id, a member id), so a ciphertext copied onto another row does not open.
 */
public final class AesGcmSeal {

	public static final int KEY_BYTES = 32;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	public AesGcmSeal(byte[] key) {
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("An AES-256 key has 32 bytes");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	/** Base64 of nonce and ciphertext (with its tag). */
	public String seal(String associatedData, byte[] plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
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
	 * @throws BrokenSealException when the value was sealed with another key or for other associated data, or was
	 *     changed
	 */
	public byte[] open(String associatedData, String stored) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(stored);
		}
		catch (IllegalArgumentException ex) {
			throw new BrokenSealException();
		}
		if (bytes.length <= NONCE_BYTES) {
			throw new BrokenSealException();
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
		}
		catch (AEADBadTagException wrongKey) {
			throw new BrokenSealException();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", ex);
		}
	}

	/** A stored value does not open with this key and associated data. */
	public static class BrokenSealException extends IllegalStateException {

		public BrokenSealException() {
			super("The value does not open with this key and associated data");
		}
	}
}
