package dev.hitter.auth.twofactor;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) with the JDK's HMAC: a small pure function, tested
 * against RFC 6238's appendix B. Members' authenticator apps use the defaults: HMAC-SHA1, 30-second steps, six digits.
 */
final class Totp {

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	static final String ALGORITHM = "HmacSHA1";

	/** A code is accepted one step early or late: clocks drift, and typing takes time. */
	static final int ALLOWED_DRIFT_STEPS = 1;

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
			100_000_000 };

	private Totp() {
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
	}

	/** RFC 4226 section 5.3: HMAC of the counter, dynamic truncation, the low {@code digits} decimal digits. */
	static String code(byte[] key, long step, int digits, String algorithm) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, "RAW"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
			return "0".repeat(digits - code.length()) + code;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC " + algorithm + " is not available", ex);
		}
	}

	/**
	 * The step whose code the given one is, within the allowed drift around {@code now}, newest first; empty when
	 * none matches. Codes are compared in constant time.
	 */
	static OptionalLong matchingStep(byte[] key, String code, Instant now) {
		long current = step(now);
		byte[] given = code.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		OptionalLong match = OptionalLong.empty();
		for (long step = current + ALLOWED_DRIFT_STEPS; step >= current - ALLOWED_DRIFT_STEPS; step--) {
			byte[] expected = code(key, step, DIGITS, ALGORITHM).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
			// Every candidate is computed and compared, so the time taken does not say which one matched.
			if (MessageDigest.isEqual(expected, given) && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}
}
