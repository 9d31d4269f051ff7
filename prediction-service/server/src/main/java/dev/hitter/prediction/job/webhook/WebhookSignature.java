package dev.hitter.prediction.job.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Hitter-Signature} header: {@code t=<epoch seconds>,v1=<hex HMAC-SHA256 of "<t>." + body>}, keyed with
 * the job's secret (its UTF-8 bytes, as the partner received it), so that receivers can tell our calls from forgeries
 * and replays.
 */
public final class WebhookSignature {

	private static final String ALGORITHM = "HmacSHA256";

	// Far longer than any header we write; a bound keeps parsing of hostile input cheap.
	private static final int MAX_HEADER_LENGTH = 1000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	/** The header value for a body sent at {@code epochSeconds}. */
	public static String header(String secret, long epochSeconds, byte[] body) {
		return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, epochSeconds, body));
	}

	/**
	 * Whether the header signs this body with this secret at a time within {@code toleranceSeconds} of now. Several
	 * {@code v1} entries are accepted (any one may match) so that a sender could sign with an old and a new secret.
	 */
	public static boolean verify(String secret, String header, byte[] body, long nowEpochSeconds,
			long toleranceSeconds) {
		if (secret == null || secret.isEmpty() || header == null || body == null
				|| header.length() > MAX_HEADER_LENGTH) {
			return false;
		}
		Long timestamp = null;
		List<byte[]> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			int eq = part.indexOf('=');
			if (eq <= 0) {
				return false;
			}
			String key = part.substring(0, eq).trim();
			String value = part.substring(eq + 1).trim();
			try {
				if (key.equals("t")) {
					if (timestamp != null) {
						return false;
					}
					timestamp = Long.parseLong(value);
				}
				else if (key.equals("v1")) {
					signatures.add(HexFormat.of().parseHex(value));
				}
				// Other keys are left for future signature versions.
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
		if (timestamp == null || signatures.isEmpty()
				|| !withinTolerance(timestamp, nowEpochSeconds, toleranceSeconds)) {
			return false;
		}
		byte[] expected = hmac(secret, timestamp, body);
		boolean matched = false;
		// No early exit: the time taken says nothing about which entry matched.
		for (byte[] signature : signatures) {
			matched |= MessageDigest.isEqual(expected, signature);
		}
		return matched;
	}

	/** A fresh secret for a job: 32 random bytes, base64url without padding (43 characters). */
	public static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static boolean withinTolerance(long timestamp, long now, long tolerance) {
		if (tolerance < 0) {
			return false;
		}
		long difference;
		try {
			difference = Math.subtractExact(now, timestamp);
		}
		catch (ArithmeticException ex) {
			return false;
		}
		// Math.abs(Long.MIN_VALUE) stays negative and would pass the comparison.
		return difference != Long.MIN_VALUE && Math.abs(difference) <= tolerance;
	}

	private static byte[] hmac(String secret, long epochSeconds, byte[] body) {
		Objects.requireNonNull(body, "body");
		if (secret == null || secret.isEmpty()) {
			throw new IllegalArgumentException("A webhook secret must not be empty");
		}
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			// Every Java runtime must provide HmacSHA256.
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}
}
