package dev.hitter.auth.twofactor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The two-factor columns of {@code member}, the recovery codes and the sign-in challenges. Plain SQL on purpose: the
 * member entity does not map these columns, so saving a member (a profile edit) can never write back a stale "last
 * step used" and reopen a replay; each one-time use is a single conditional UPDATE that only one request can win.
 */
@Repository
class TwoFactorStore {

	private static final Logger log = LoggerFactory.getLogger(TwoFactorStore.class);

	private final JdbcClient jdbc;

	private final TotpSecretEncryption encryption;

	TwoFactorStore(JdbcClient jdbc, TotpSecretEncryption encryption) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		sealPlaintextSecrets();
	}

	/**
	 * Seals the secrets stored in plaintext before V11, once, at start. Each row is changed only if it still holds
	 * the plaintext read, so replicas starting together, or a member changing their set-up meanwhile, lose nothing.
	 */
	private void sealPlaintextSecrets() {
		int sealed = 0;
		for (String column : new String[] { "totp_secret", "totp_pending_secret" }) {
			List<String[]> plain = jdbc
				.sql("SELECT id, " + column + " FROM member WHERE " + column + " IS NOT NULL AND " + column + " NOT LIKE ?")
				.param(TotpSecretEncryption.PREFIX + "%")
				.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
				.list();
			for (String[] row : plain) {
				UUID member = UUID.fromString(row[0]);
				sealed += jdbc.sql("UPDATE member SET " + column + " = ? WHERE id = ? AND " + column + " = ?")
					.param(encryption.seal(member, row[1]))
					.param(row[0])
					.param(row[1])
					.update();
			}
		}
		if (sealed > 0) {
			log.info("Sealed {} TOTP secrets stored in plaintext before V11", sealed);
		}
	}

	Optional<TotpState> state(UUID memberId) {
		return jdbc.sql("SELECT totp_secret, totp_pending_secret, totp_enabled_at FROM member WHERE id = ?")
			.param(memberId.toString())
			.query((rs, row) -> new TotpState(encryption.open(memberId, rs.getString("totp_secret")),
					encryption.open(memberId, rs.getString("totp_pending_secret")), rs.getString("totp_pending_secret"),
					Optional.ofNullable(rs.getTimestamp("totp_enabled_at")).map(Timestamp::toInstant).orElse(null)))
			.optional();
	}

	void setPending(UUID memberId, String secret) {
		jdbc.sql("UPDATE member SET totp_pending_secret = ? WHERE id = ? AND totp_secret IS NULL")
			.param(encryption.seal(memberId, secret))
			.param(memberId.toString())
			.update();
	}

	/**
	 * Turns the pending secret on, its first code's step counted as used; false if it changed meanwhile.
	 *
	 * @param pendingStored the pending secret as stored ({@link TotpState#pendingStored()}), the one the code was checked against
	 */
	boolean enable(UUID memberId, String pendingStored, long usedStep, Instant now) {
		return jdbc.sql("UPDATE member SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, "
				+ "totp_enabled_at = ?, totp_last_step = ? WHERE id = ? AND totp_secret IS NULL "
				+ "AND totp_pending_secret = ?")
			.param(Timestamp.from(now))
			.param(usedStep)
			.param(memberId.toString())
			.param(pendingStored)
			.update() == 1;
	}

	/** Records a step as used; false when it, or a later one, was used already (a replay). */
	boolean useStep(UUID memberId, long step) {
		return jdbc.sql("UPDATE member SET totp_last_step = ? WHERE id = ? AND totp_secret IS NOT NULL "
				+ "AND (totp_last_step IS NULL OR totp_last_step < ?)")
			.param(step)
			.param(memberId.toString())
			.param(step)
			.update() == 1;
	}

	void disable(UUID memberId) {
		jdbc.sql("UPDATE member SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, "
				+ "totp_last_step = NULL WHERE id = ?")
			.param(memberId.toString())
			.update();
		jdbc.sql("DELETE FROM recovery_code WHERE member_id = ?").param(memberId.toString()).update();
	}

	void replaceRecoveryCodes(UUID memberId, List<String> hashes, Instant now) {
		jdbc.sql("DELETE FROM recovery_code WHERE member_id = ?").param(memberId.toString()).update();
		for (String hash : hashes) {
			jdbc.sql("INSERT INTO recovery_code (member_id, code_hash, created_at) VALUES (?, ?, ?)")
				.param(memberId.toString())
				.param(hash)
				.param(Timestamp.from(now))
				.update();
		}
	}

	boolean useRecoveryCode(UUID memberId, String hash, Instant now) {
		return jdbc.sql("UPDATE recovery_code SET used_at = ? WHERE member_id = ? AND code_hash = ? AND used_at IS NULL")
			.param(Timestamp.from(now))
			.param(memberId.toString())
			.param(hash)
			.update() == 1;
	}

	int recoveryCodesLeft(UUID memberId) {
		return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE member_id = ? AND used_at IS NULL")
			.param(memberId.toString())
			.query(Integer.class)
			.single();
	}

	void createChallenge(String hash, UUID memberId, Instant now, Instant expiresAt, String userAgent) {
		jdbc.sql("INSERT INTO two_factor_challenge (challenge_hash, member_id, created_at, expires_at, failures, "
				+ "user_agent) VALUES (?, ?, ?, ?, 0, ?)")
			.param(hash)
			.param(memberId.toString())
			.param(Timestamp.from(now))
			.param(Timestamp.from(expiresAt))
			.param(userAgent)
			.update();
	}

	/** A challenge still open: not used, not expired, not spent by wrong codes. */
	Optional<Challenge> openChallenge(String hash, Instant now, int maxFailures) {
		return jdbc
			.sql("SELECT member_id, user_agent FROM two_factor_challenge WHERE challenge_hash = ? AND used_at IS NULL "
					+ "AND expires_at > ? AND failures < ?")
			.param(hash)
			.param(Timestamp.from(now))
			.param(maxFailures)
			.query((rs, row) -> new Challenge(hash, UUID.fromString(rs.getString("member_id")),
					rs.getString("user_agent")))
			.optional();
	}

	void failChallenge(String hash) {
		jdbc.sql("UPDATE two_factor_challenge SET failures = failures + 1 WHERE challenge_hash = ?")
			.param(hash)
			.update();
	}

	/** Uses the challenge up; false when another request did first (or it closed meanwhile). */
	boolean useChallenge(String hash, Instant now, int maxFailures) {
		return jdbc.sql("UPDATE two_factor_challenge SET used_at = ? WHERE challenge_hash = ? AND used_at IS NULL "
				+ "AND expires_at > ? AND failures < ?")
			.param(Timestamp.from(now))
			.param(hash)
			.param(Timestamp.from(now))
			.param(maxFailures)
			.update() == 1;
	}

	int forgetChallengesBefore(Instant before) {
		return jdbc.sql("DELETE FROM two_factor_challenge WHERE expires_at < ?").param(Timestamp.from(before)).update();
	}

	/** A member's TOTP columns: the secret in use (null when off) and one being set up. */
	/**
	 * @param secret the secret in use, opened; null when two-factor sign-in is off
	 * @param pendingSecret the secret being set up, opened
	 * @param pendingStored the same as stored, what {@link #enable} compares to know it did not change meanwhile
	 */
	record TotpState(String secret, String pendingSecret, String pendingStored, Instant enabledAt) {

		boolean enabled() {
			return secret != null;
		}
	}

	/** An open sign-in challenge. */
	record Challenge(String hash, UUID memberId, String userAgent) {
	}
}
