package dev.hitter.auth.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientSecretsTest {

	private final ClientSecrets secrets = new ClientSecrets(new PartnerProperties(Duration.ofMinutes(10), "pepper-1", 10));

	@Test
	void idsAndSecretsHaveTheirShapeAndDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String id = secrets.newClientId();
			String secret = secrets.newSecret();
			assertThat(id).matches("hc_[0-9A-Za-z]{24}");
			assertThat(secret).matches("hs_[A-Za-z0-9_-]{43}");
			assertThat(seen.add(id) && seen.add(secret)).isTrue();
		}
	}

	@Test
	void aSecretMatchesItsHashOnlyUnderTheSamePepper() {
		String secret = secrets.newSecret();
		String hash = secrets.encode(secret);
		assertThat(hash).startsWith("hmac-sha256:").doesNotContain(secret);
		assertThat(secrets.matches(secret, hash)).isTrue();
		assertThat(secrets.asPasswordEncoder().matches(secret, hash)).isTrue();
		assertThat(secrets.matches(secret + "x", hash)).isFalse();
		assertThat(secrets.matches(secret, "hmac-sha256:not base64!")).isFalse();
		assertThat(secrets.matches(secret, "$argon2id$v=19$m=1")).isFalse();
		assertThat(secrets.matches("x".repeat(10_000), hash)).isFalse();
		ClientSecrets otherPepper = new ClientSecrets(new PartnerProperties(Duration.ofMinutes(10), "pepper-2", 10));
		assertThat(otherPepper.matches(secret, hash)).isFalse();
		ClientSecrets noPepper = new ClientSecrets(new PartnerProperties(Duration.ofMinutes(10), "", 10));
		assertThat(noPepper.matches(secret, noPepper.encode(secret))).isTrue();
		assertThat(noPepper.matches(secret, hash)).isFalse();
	}

	@Test
	void theTokenLifetimeIsBounded() {
		assertThat(new PartnerProperties(Duration.ofMinutes(10), "", 10).isTokenTtlWithinBounds()).isTrue();
		assertThat(new PartnerProperties(Duration.ofSeconds(10), "", 10).isTokenTtlWithinBounds()).isFalse();
		assertThat(new PartnerProperties(Duration.ofHours(2), "", 10).isTokenTtlWithinBounds()).isFalse();
		assertThat(new PartnerProperties(Duration.ofMinutes(10), "secret-pepper", 10).toString())
			.doesNotContain("secret-pepper");
	}
}
