package dev.hitter.prediction.history;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import dev.hitter.models.Genre;

interface PredictionRepository extends JpaRepository<Prediction, UUID> {

	Page<Prediction> findByMemberId(UUID memberId, Pageable pageable);

	long countByGenre(Genre genre);

	long countByGenreAndHitProbabilityLessThan(Genre genre, double hitProbability);
}
