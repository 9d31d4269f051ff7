package dev.hitter.prediction.history;

import java.time.Instant;
import java.util.UUID;

import dev.hitter.models.Genre;

/** A prediction in a list: enough to choose one, without its explanation. */
public record PredictionSummary(UUID id, String title, String artist, Genre genre, Instant createdAt, boolean shared,
		double hitProbability, PredictionView.Links links) {
}
