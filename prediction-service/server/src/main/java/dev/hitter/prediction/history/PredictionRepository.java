package dev.hitter.prediction.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import dev.hitter.models.Genre;

interface PredictionRepository extends JpaRepository<Prediction, UUID> {

	Page<Prediction> findByMemberId(UUID memberId, Pageable pageable);

	long countByMemberId(UUID memberId);

	/** The first of a member's analyses for an export, newest first. */
	@Query("select p from Prediction p where p.memberId = :memberId order by p.createdAt desc, p.id desc")
	List<Prediction> newestOf(UUID memberId, Limit limit);

	/**
	 * The member's next analyses after the last one exported, by (createdAt, id) rather than by offset: an analysis
	 * made during the export then neither repeats a row nor skips one.
	 */
	@Query("""
			select p from Prediction p where p.memberId = :memberId
			and (p.createdAt < :createdAt or (p.createdAt = :createdAt and p.id < :id))
			order by p.createdAt desc, p.id desc""")
	List<Prediction> newestOfAfter(UUID memberId, Instant createdAt, UUID id, Limit limit);

	long countByGenre(Genre genre);

	long countByGenreAndHitProbabilityLessThan(Genre genre, double hitProbability);

	/**
	 * A genre's shared analyses, best first; equal scores by age so that the earlier analysis ranks higher. Entries
	 * an administrator hid are left out, except for their owner and for administrators.
	 */
	@Query("""
			select p from Prediction p where p.genre = :genre and p.shared = true
			and (p.moderation is null or p.memberId = :viewer or :admin = true)
			order by p.hitProbability desc, p.createdAt asc, p.id asc""")
	Page<Prediction> leaderboard(Genre genre, UUID viewer, boolean admin, Pageable pageable);

	/** The analysis, its row locked until the transaction ends: publishing and unsharing take turns. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Prediction p where p.id = :id")
	Optional<Prediction> findForUpdate(UUID id);

	// The nearest references are found from both sides of the probability with the index's order, rather than
	// sorting every reference of the genre by distance.
	@Query("""
			select p from Prediction p where p.genre = :genre and p.referenceTrack = true and p.shared = true and p.moderation is null
			and p.id <> :excluded and p.hitProbability >= :probability
			order by p.hitProbability asc, p.createdAt asc, p.id asc""")
	List<Prediction> referencesFrom(Genre genre, double probability, UUID excluded, Pageable limit);

	@Query("""
			select p from Prediction p where p.genre = :genre and p.referenceTrack = true and p.shared = true and p.moderation is null
			and p.id <> :excluded and p.hitProbability < :probability
			order by p.hitProbability desc, p.createdAt asc, p.id asc""")
	List<Prediction> referencesBelow(Genre genre, double probability, UUID excluded, Pageable limit);
}
