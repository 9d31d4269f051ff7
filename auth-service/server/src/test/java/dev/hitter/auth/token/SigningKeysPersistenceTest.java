package dev.hitter.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.AuthApiTest;

class SigningKeysPersistenceTest extends AuthApiTest {

	@Autowired
	SigningKeys running;

	@Autowired
	SigningKeyRepository repository;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aRestartedServiceSignsWithTheSameKey() throws Exception {
		SigningKeys restarted = new SigningKeys(repository, transaction, Clock.systemUTC());
		assertThat(restarted.current().getKeyID()).isEqualTo(running.current().getKeyID());
		assertThat(restarted.current().toRSAPublicKey()).isEqualTo(running.current().toRSAPublicKey());
		assertThat(repository.count()).isEqualTo(1);
	}
}
