package dev.hitter.auth.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

	private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA512_KEY = ("12345678901234567890123456789012345678901234567890123456789012"
			+ "34").getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238, appendix B: eight digits, 30-second steps, T0 = 0. */
	@ParameterizedTest
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void matchesTheTestVectorsOfRfc6238(long seconds, String sha1, String sha256, String sha512) {
		long step = Totp.step(Instant.ofEpochSecond(seconds));
		assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
		assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
		assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
	}

	@Test
	void sixDigitCodesAreTheLowDigitsOfTheSameValue() {
		assertThat(Totp.code(SHA1_KEY, Totp.step(Instant.ofEpochSecond(59)), 6, "HmacSHA1")).isEqualTo("287082");
		assertThat(Totp.code(SHA1_KEY, Totp.step(Instant.ofEpochSecond(1111111109)), 6, "HmacSHA1"))
			.isEqualTo("081804");
	}

	@Test
	void aCodeIsAcceptedOneStepEarlyOrLateButNotTwo() {
		Instant now = Instant.ofEpochSecond(1_700_000_000L);
		long step = Totp.step(now);
		for (long drift = -1; drift <= 1; drift++) {
			String code = Totp.code(SHA1_KEY, step + drift, 6, Totp.ALGORITHM);
			assertThat(Totp.matchingStep(SHA1_KEY, code, now)).hasValue(step + drift);
		}
		for (long drift : new long[] { -2, 2 }) {
			String code = Totp.code(SHA1_KEY, step + drift, 6, Totp.ALGORITHM);
			assertThat(Totp.matchingStep(SHA1_KEY, code, now)).as("drift %d", drift).isEmpty();
		}
	}

	@Test
	void garbageIsNoCode() {
		String secret = Base32.encode(SHA1_KEY);
		Instant now = Instant.ofEpochSecond(59);
		assertThat(SecondFactor.matchingStep(secret, "28708", now)).isEmpty();
		assertThat(SecondFactor.matchingStep(secret, "2870822", now)).isEmpty();
		assertThat(SecondFactor.matchingStep(secret, "28a082", now)).isEmpty();
		assertThat(SecondFactor.matchingStep(secret, "٢٨٧٠٨٢", now)).as("Arabic-Indic digits").isEmpty();
		assertThat(SecondFactor.matchingStep(secret, "287 082", now)).isPresent();
	}

	/** RFC 4648, section 10, without padding (authenticator apps take it so). */
	@ParameterizedTest
	@CsvSource({ "'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB",
			"foobar, MZXW6YTBOI" })
	void base32MatchesRfc4648(String text, String encoded) {
		assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
		assertThat(new String(Base32.decode(encoded), StandardCharsets.US_ASCII)).isEqualTo(text);
	}
}
