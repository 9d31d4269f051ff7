package dev.hitter.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.hitter.auth.crypto.AesGcmSeal;

/**
 * How auth-service keeps and rotates the keys that sign access tokens (docs/identity.md "Signing keys").
 *
 * @param encryptionKey the key-encryption key: 32 random bytes, Base64 ({@code HITTER_SIGNING_KEY_ENCRYPTION_KEY}).
 *     The private halves of the signing keys are stored encrypted with it (AES-256-GCM), so that a copy of the
 *     database alone cannot mint tokens. Required: auth-service refuses to start without it, and with a wrong one
 *     (it does not make new keys then, which would log everybody out and hide the mistake). {@code ./hitter run}
 *     generates it once into {@code $HITTER_HOME/service-secrets/} (owner-only). Never logged.
 * @param rotateEvery how long a key signs before a new one takes over on its own ({@code HITTER_SIGNING_KEY_ROTATE_EVERY});
 *     {@code 0} turns automatic rotation off (an administrator can still rotate: {@code ./hitter keys rotate})
 * @param publishAhead how long a new key is published in the key set before it signs
 *     ({@code HITTER_SIGNING_KEY_PUBLISH_AHEAD}): long enough for every service and the gateway to have fetched the
 *     key set again (they cache it for 5 minutes, and the endpoint lets HTTP caches keep it 5 minutes)
 */
@Validated
@ConfigurationProperties("hitter.auth.signing-keys")
public record SigningKeyProperties(String encryptionKey, @NotNull @DefaultValue("90d") Duration rotateEvery,
		@NotNull @DefaultValue("10m") Duration publishAhead) {

	static final int ENCRYPTION_KEY_BYTES = AesGcmSeal.KEY_BYTES;

	/** Shorter would keep more keys published than the rotation is worth; 0 means never on its own. */
	static final Duration MIN_ROTATE_EVERY = Duration.ofDays(1);

	@AssertTrue(message = "must be set: 32 random bytes, Base64 (HITTER_SIGNING_KEY_ENCRYPTION_KEY; e.g. "
			+ "`head -c 32 /dev/urandom | base64`; ./hitter run generates one into $HITTER_HOME/service-secrets)")
	public boolean isEncryptionKeySet() {
		return encryptionKey != null && !encryptionKey.isBlank();
	}

	@AssertTrue(message = "must be exactly 32 bytes in Base64 (HITTER_SIGNING_KEY_ENCRYPTION_KEY)")
	public boolean isEncryptionKeyWellFormed() {
		return !isEncryptionKeySet() || decodedKey(encryptionKey) != null;
	}

	@AssertTrue(message = "must be 0 (off) or at least 1d (HITTER_SIGNING_KEY_ROTATE_EVERY)")
	public boolean isRotateEverySensible() {
		return rotateEvery == null || rotateEvery.isZero() || rotateEvery.compareTo(MIN_ROTATE_EVERY) >= 0;
	}

	@AssertTrue(message = "must be between 0s and 1d (HITTER_SIGNING_KEY_PUBLISH_AHEAD)")
	public boolean isPublishAheadSensible() {
		return publishAhead == null || (!publishAhead.isNegative() && publishAhead.compareTo(Duration.ofDays(1)) <= 0);
	}

	boolean rotatesAutomatically() {
		return !rotateEvery.isZero();
	}

	byte[] encryptionKeyBytes() {
		byte[] key = decodedKey(encryptionKey);
		if (key == null) {
			throw new IllegalStateException("hitter.auth.signing-keys.encryption-key (HITTER_SIGNING_KEY_ENCRYPTION_KEY) "
					+ "must be 32 bytes in Base64");
		}
		return key;
	}

	/**
	 * A key of its own for another secret kept at rest ({@code purpose} names it, e.g. {@code totp-secrets}): HMAC-SHA-256
	 * of the purpose under the key-encryption key, so one configured key protects several kinds of value without
	 * any two sharing an AES key.
	 */
	public byte[] derivedKey(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(encryptionKeyBytes(), "HmacSHA256"));
			return mac.doFinal(("hitter at-rest key: " + purpose).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", ex);
		}
	}

	private static byte[] decodedKey(String value) {
		if (value == null) {
			return null;
		}
		try {
			byte[] key = Base64.getDecoder().decode(value.strip());
			return key.length == ENCRYPTION_KEY_BYTES ? key : null;
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "SigningKeyProperties[encryptionKey=" + (isEncryptionKeySet() ? "***" : "unset") + ", rotateEvery="
				+ rotateEvery + ", publishAhead=" + publishAhead + "]";
	}
}
