package dev.hitter.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.kit.security.SecurityProperties;

class SigningKeysPersistenceTest extends AuthApiTest {

	@Autowired
	SigningKeys running;

	@Autowired
	SigningKeyRepository repository;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	SigningKeyProperties properties;

	@Autowired
	List<TokenLifetime> lifetimes;

	@Autowired
	SecurityProperties security;

	@Test
	void aRestartedServiceSignsWithTheSameKey() throws Exception {
		long stored = repository.count();
		SigningKeys restarted = new SigningKeys(repository, transaction, Clock.systemUTC(), properties, lifetimes,
				security);
		assertThat(restarted.current().getKeyID()).isEqualTo(running.current().getKeyID());
		assertThat(restarted.current().toRSAPublicKey()).isEqualTo(running.current().toRSAPublicKey());
		assertThat(restarted.current().toRSAPrivateKey()).isEqualTo(running.current().toRSAPrivateKey());
		assertThat(repository.count()).as("no new key made").isEqualTo(stored);
	}
}
