package dev.hitter.auth.twofactor;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hitter.auth.crypto.AesGcmSeal;
import dev.hitter.auth.token.SigningKeyProperties;

/**
 * Members' TOTP secrets as stored: sealed with AES-256-GCM under a key derived from the service's key-encryption key
 * ({@code HITTER_SIGNING_KEY_ENCRYPTION_KEY}), so that a copy of the database alone (a stolen backup, a read-only SQL
 * injection) does not let anyone produce a member's second-factor codes. The member id is the associated data: a
 * secret copied onto another member's row does not open. Stored as {@value #PREFIX} and Base64; a value without the
 * prefix is a plaintext secret from before (V11), sealed at the next start ({@link TwoFactorStore}).
 */
@Component
class TotpSecretEncryption {

	static final String PREFIX = "v1:";

	static final String PURPOSE = "totp-secrets";

	private final AesGcmSeal seal;

	TotpSecretEncryption(SigningKeyProperties properties) {
		this.seal = new AesGcmSeal(properties.derivedKey(PURPOSE));
	}

	String seal(UUID memberId, String secret) {
		return PREFIX + seal.seal(memberId.toString(), secret.getBytes(StandardCharsets.US_ASCII));
	}

	/** The secret; a plaintext one (from before V11) as it is. */
	String open(UUID memberId, String stored) {
		if (stored == null || !isSealed(stored)) {
			return stored;
		}
		try {
			return new String(seal.open(memberId.toString(), stored.substring(PREFIX.length())), StandardCharsets.US_ASCII);
		}
		catch (AesGcmSeal.BrokenSealException broken) {
			throw new IllegalStateException("Member " + memberId + "'s TOTP secret does not decrypt with "
					+ "HITTER_SIGNING_KEY_ENCRYPTION_KEY: the key is not the one it was stored with, or the row was "
					+ "copied from another member", broken);
		}
	}

	static boolean isSealed(String stored) {
		return stored.startsWith(PREFIX);
	}
}
