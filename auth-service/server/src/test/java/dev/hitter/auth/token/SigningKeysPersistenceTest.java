package dev.hitter.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

class SigningKeysPersistenceTest extends SigningKeysTest {

	@Test
	void aRestartedServiceSignsWithTheSameKey() throws Exception {
		long stored = repository.count();
		SigningKeys restarted = another(Clock.systemUTC());
		assertThat(restarted.current().getKeyID()).isEqualTo(running.current().getKeyID());
		assertThat(restarted.current().toRSAPublicKey()).isEqualTo(running.current().toRSAPublicKey());
		assertThat(restarted.current().toRSAPrivateKey()).isEqualTo(running.current().toRSAPrivateKey());
		assertThat(repository.count()).as("no new key made").isEqualTo(stored);
	}
}
