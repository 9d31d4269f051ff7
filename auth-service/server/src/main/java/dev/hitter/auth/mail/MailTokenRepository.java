package dev.hitter.auth.mail;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MailTokenRepository extends JpaRepository<MailToken, UUID> {

	Optional<MailToken> findByTokenHash(String tokenHash);

	// Locked: one link opened twice at once must be spent only once.
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from MailToken t where t.tokenHash = :tokenHash")
	Optional<MailToken> lockByTokenHash(String tokenHash);

	/** A new link replaces the member's earlier ones of the same purpose: only the latest mail works. */
	@Modifying
	@Query("update MailToken t set t.usedAt = :now where t.memberId = :memberId and t.purpose = :purpose "
			+ "and t.usedAt is null")
	int supersede(UUID memberId, MailTokenPurpose purpose, Instant now);

	@Modifying
	@Query("delete from MailToken t where t.expiresAt < :before")
	int deleteExpiredBefore(Instant before);
}
