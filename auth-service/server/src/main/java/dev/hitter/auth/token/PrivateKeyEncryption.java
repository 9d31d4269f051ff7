package dev.hitter.auth.token;

import dev.hitter.auth.crypto.AesGcmSeal;

/**
 * AES-256-GCM ({@link AesGcmSeal}) for the private halves of the signing keys, under the key-encryption key itself;
 * the key id is the associated data, so a ciphertext copied onto another row does not decrypt.
 */
final class PrivateKeyEncryption {

	private final AesGcmSeal seal;

	PrivateKeyEncryption(byte[] key) {
		this.seal = new AesGcmSeal(key);
	}

	/** Base64 of nonce and ciphertext (with its tag). */
	String encrypt(String kid, byte[] plaintext) {
		return seal.seal(kid, plaintext);
	}

	/**
	 * @throws WrongEncryptionKeyException when the value was encrypted with another key (or changed)
	 */
	byte[] decrypt(String kid, String stored) {
		try {
			return seal.open(kid, stored);
		}
		catch (AesGcmSeal.BrokenSealException broken) {
			throw new WrongEncryptionKeyException(kid);
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
