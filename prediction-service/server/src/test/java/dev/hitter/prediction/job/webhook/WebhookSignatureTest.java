package dev.hitter.prediction.job.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

	private static final String SECRET = "k3y-for-label-7";

	private static final long NOW = 1_795_000_000L;

	private static final byte[] BODY = "{\"job\":\"42\",\"status\":\"DONE\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void headerVerifiesForTheSameSecretAndBody() {
		String header = WebhookSignature.header(SECRET, NOW, BODY);

		assertThat(header).matches("t=1795000000,v1=[0-9a-f]{64}");
		assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW, 300)).isTrue();
		assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW + 300, 300)).isTrue();
	}

	@Test
	void matchesHmacSha256ComputedIndependently() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String signed = NOW + "." + new String(BODY, StandardCharsets.UTF_8);
		String expected = HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));

		assertThat(WebhookSignature.header(SECRET, NOW, BODY)).isEqualTo("t=" + NOW + ",v1=" + expected);
	}

	@Test
	void matchesAFixedVector() {
		// HMAC-SHA256("key", "1.{}"), from: printf '1.{}' | openssl dgst -sha256 -hmac key
		assertThat(WebhookSignature.header("key", 1, "{}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("t=1,v1=1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224");
	}

	@Test
	void tamperedBodyFails() {
		String header = WebhookSignature.header(SECRET, NOW, BODY);
		byte[] tampered = BODY.clone();
		tampered[tampered.length - 3] ^= 1;

		assertThat(WebhookSignature.verify(SECRET, header, tampered, NOW, 300)).isFalse();
	}

	@Test
	void wrongSecretFails() {
		String header = WebhookSignature.header(SECRET, NOW, BODY);

		assertThat(WebhookSignature.verify(SECRET + "x", header, BODY, NOW, 300)).isFalse();
	}

	@Test
	void timestampOutsideTheToleranceFails() {
		String header = WebhookSignature.header(SECRET, NOW, BODY);

		assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW + 301, 300)).as("replayed later").isFalse();
		assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW - 301, 300)).as("from the future").isFalse();
	}

	@Test
	void changedTimestampFails() {
		String header = WebhookSignature.header(SECRET, NOW, BODY);
		String moved = header.replace("t=" + NOW, "t=" + (NOW + 1));

		assertThat(WebhookSignature.verify(SECRET, moved, BODY, NOW, 300)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage", "t=,v1=", "t=abc,v1=00", "v1=00ff", "t=1795000000", "t=1795000000,v1=zz",
			"t=1795000000,v1=0", "t=1795000000,t=1795000000,v1=00", ",,,", "t=-9223372036854775808,v1=00" })
	void malformedHeadersFail(String header) {
		assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW, 300)).isFalse();
	}

	@Test
	void missingInputsFailRatherThanThrow() {
		String header = WebhookSignature.header(SECRET, NOW, BODY);

		assertThat(WebhookSignature.verify(SECRET, null, BODY, NOW, 300)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, header, null, NOW, 300)).isFalse();
		assertThat(WebhookSignature.verify(null, header, BODY, NOW, 300)).isFalse();
		assertThat(WebhookSignature.verify("", header, BODY, NOW, 300)).isFalse();
	}

	@Test
	void oneMatchingSignatureAmongSeveralIsEnough() {
		String current = WebhookSignature.header(SECRET, NOW, BODY);
		String old = WebhookSignature.header("previous-secret", NOW, BODY);
		String both = old + "," + current.substring(current.indexOf("v1="));

		assertThat(WebhookSignature.verify(SECRET, both, BODY, NOW, 300)).isTrue();
	}

	@Test
	void refusesToSignWithAnEmptySecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.header("", NOW, BODY));
	}

	@Test
	void newSecretsAreLongRandomAndUrlSafe() {
		Set<String> secrets = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String secret = WebhookSignature.newSecret();
			assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
			assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
			secrets.add(secret);
		}
		assertThat(secrets).hasSize(100);
	}
}
