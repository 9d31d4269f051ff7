package dev.hitter.auth.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.AuthProblems;
import dev.hitter.kit.problem.ApiException;

/**
 * Slows password (and two-factor code) guessing: every attempt is charged to the submitted e-mail — whether or not a
 * member has it, so the answer says nothing about that — and to the client's address, before the password is
 * checked. Charging first means a burst of parallel guesses is counted like a sequence. A key that has failed past
 * its free failures must wait a doubling delay before its next attempt; an attempt during the wait is refused with
 * {@code 429 login-throttled} and {@code Retry-After}, without being counted, so retrying early never makes it
 * worse. A success clears the account's count and takes back its own charge from the address.
 *
 * <p>At an address the member signed in from before (a known address), the account's count is one of that account
 * at that address only: an attacker guessing elsewhere, however long, never makes the member wait there.
 *
 * <p>The counts live in the database so that every replica of auth-service sees the same ones.
 */
@Service
public class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final LoginThrottleProperties properties;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, TransactionTemplate transaction, LoginThrottleProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Admits one attempt and charges it as a failure, or refuses it when either key is still waiting.
	 *
	 * @param email the submitted e-mail, normalised
	 * @param clientAddress the client's address as the gateway saw it
	 * @return what {@link #succeeded} needs to take the charge back
	 * @throws ApiException {@code login-throttled} with {@code Retry-After}
	 */
	public Attempt admit(String email, String clientAddress) {
		String known = hash("known:" + email + "|" + clientAddress);
		Key account = new Key(isKnown(known) ? hash("account-at:" + email + "|" + clientAddress) : hash("account:" + email),
				properties.accountCurve());
		Key address = new Key(hash("address:" + clientAddress), properties.addressCurve());
		Optional<Duration> wait = transaction.execute(status -> {
			Instant now = clock.instant();
			// Always the account first, then the address: one lock order, no deadlock between two attempts.
			List<Counter> counters = List.of(lock(account, now), lock(address, now));
			Duration longest = counters.stream()
				.map(counter -> counter.waitAt(now))
				.max(Duration::compareTo)
				.orElse(Duration.ZERO);
			if (!longest.isZero() && !longest.isNegative()) {
				return Optional.of(longest);
			}
			counters.forEach(counter -> charge(counter, now));
			return Optional.empty();
		});
		if (wait.isPresent()) {
			throw throttled(wait.get());
		}
		return new Attempt(account, address, known);
	}

	/**
	 * The attempt was right: the account (at a known address: the account there) starts afresh, the address gets its
	 * charge back, and the address becomes (or stays) one the member is known at.
	 */
	public void succeeded(Attempt attempt) {
		transaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			jdbc.sql("DELETE FROM login_throttle WHERE key_hash = ?").param(attempt.account().hash()).update();
			refund(attempt.address(), now);
			jdbc.sql("INSERT INTO login_known_address (key_hash, last_success_at) VALUES (?, ?) "
					+ "ON DUPLICATE KEY UPDATE last_success_at = ?")
				.param(attempt.knownAddress())
				.param(Timestamp.from(now))
				.param(Timestamp.from(now))
				.update();
		});
	}

	private boolean isKnown(String knownAddress) {
		return jdbc.sql("SELECT COUNT(*) FROM login_known_address WHERE key_hash = ? AND last_success_at > ?")
			.param(knownAddress)
			.param(Timestamp.from(clock.instant().minus(properties.knownAddressFor())))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The password was right but the sign-in is not complete (a second factor follows): the attempt's own charge is
	 * taken back from both keys, yet the account keeps the failures before it — otherwise giving the right password
	 * again would wipe out every wrong two-factor code guessed so far.
	 */
	public void refunded(Attempt attempt) {
		transaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			refund(attempt.account(), now);
			refund(attempt.address(), now);
		});
	}

	private void refund(Key key, Instant now) {
		Counter counter = lock(key, now);
		int failures = Math.max(0, counter.failures() - 1);
		Duration delay = key.curve().after(failures);
		jdbc.sql("UPDATE login_throttle SET failures = ?, blocked_until = ? WHERE key_hash = ?")
			.param(failures)
			.param(delay.isZero() ? null : Timestamp.from(counter.lastFailureAt().plus(delay)))
			.param(key.hash())
			.update();
	}

	/** Keys that have not failed for longer than they are remembered carry no information any more. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void forgetOldFailures() {
		int forgotten = jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < ? AND "
				+ "(blocked_until IS NULL OR blocked_until < ?)")
			.param(Timestamp.from(clock.instant().minus(properties.forgetAfter())))
			.param(Timestamp.from(clock.instant()))
			.update();
		if (forgotten > 0) {
			log.debug("Forgot {} login throttle counter(s)", forgotten);
		}
		jdbc.sql("DELETE FROM login_known_address WHERE last_success_at < ?")
			.param(Timestamp.from(clock.instant().minus(properties.knownAddressFor())))
			.update();
	}

	private Counter lock(Key key, Instant now) {
		// Make sure the row exists without racing another first attempt, then lock it for this transaction.
		jdbc.sql("INSERT INTO login_throttle (key_hash, failures, last_failure_at, blocked_until) VALUES (?, 0, ?, NULL) "
				+ "ON DUPLICATE KEY UPDATE key_hash = key_hash")
			.param(key.hash())
			.param(Timestamp.from(now))
			.update();
		Counter counter = jdbc
			.sql("SELECT failures, last_failure_at, blocked_until FROM login_throttle WHERE key_hash = ? FOR UPDATE")
			.param(key.hash())
			.query((rs, row) -> new Counter(key, rs.getInt("failures"), rs.getTimestamp("last_failure_at").toInstant(),
					Optional.ofNullable(rs.getTimestamp("blocked_until")).map(Timestamp::toInstant).orElse(null)))
			.single();
		if (counter.failures() > 0 && counter.lastFailureAt().plus(properties.forgetAfter()).isBefore(now)) {
			return new Counter(key, 0, counter.lastFailureAt(), null);
		}
		return counter;
	}

	private void charge(Counter counter, Instant now) {
		int failures = counter.failures() + 1;
		Duration delay = counter.key().curve().after(failures);
		jdbc.sql("UPDATE login_throttle SET failures = ?, last_failure_at = ?, blocked_until = ? WHERE key_hash = ?")
			.param(failures)
			.param(Timestamp.from(now))
			.param(delay.isZero() ? null : Timestamp.from(now.plus(delay)))
			.param(counter.key().hash())
			.update();
	}

	static ApiException throttled(Duration wait) {
		// Whole seconds, rounded up: Retry-After has no fractions, and retrying a moment early would be refused again.
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		return new ApiException(AuthProblems.LOGIN_THROTTLED,
				"Too many failed sign-ins. Try again in " + seconds + " second" + (seconds == 1 ? "" : "s") + ".",
				Duration.ofSeconds(seconds));
	}

	private static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One throttled key: what is stored of it and the curve it follows. */
	record Key(String hash, DelayCurve curve) {
	}

	/** The state of one key at the start of an attempt. */
	private record Counter(Key key, int failures, Instant lastFailureAt, Instant blockedUntil) {

		Duration waitAt(Instant now) {
			return blockedUntil == null || !now.isBefore(blockedUntil) ? Duration.ZERO
					: Duration.between(now, blockedUntil);
		}
	}

	/** An admitted attempt, charged as a failure until {@link LoginThrottle#succeeded} says otherwise. */
	public record Attempt(Key account, Key address, String knownAddress) {
	}
}
