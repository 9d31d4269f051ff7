package dev.hitter.auth.token;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.kit.security.SecurityProperties;

/**
 * What the signing-key tests share: the running service's keys on the real database, and another {@link SigningKeys}
 * over the same rows — a restarted service, or a second replica with a clock of its own.
 */
abstract class SigningKeysTest extends AuthApiTest {

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

	@Autowired
	JdbcClient jdbc;

	/** Another process reading the same keys, with the running service's settings. */
	SigningKeys another(Clock clock) {
		return another(clock, properties);
	}

	SigningKeys another(Clock clock, SigningKeyProperties settings) {
		return new SigningKeys(repository, transaction, clock, settings, lifetimes, security);
	}
}
