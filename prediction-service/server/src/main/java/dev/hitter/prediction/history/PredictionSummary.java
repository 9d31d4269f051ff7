package dev.hitter.prediction.history;

import java.time.Instant;
import java.util.UUID;

import dev.hitter.models.Genre;

/**
 * A prediction in a list: enough to choose one, without its explanation.
 *
 * @param demonstration true when either model that answered was a demonstration model (trained on synthetic data):
 *     the list must say so as the full prediction does
 * @param rank the place on the genre's leaderboard, from 1, as the caller sees it (entries hidden from them are not
 *     counted); null in a member's own list
 * @param publication what is published of it, null when nothing
 * @param moderation an administrator's decision, shown to the owner and administrators only
 */
public record PredictionSummary(UUID id, String title, String artist, Genre genre, Instant createdAt, boolean shared,
		double hitProbability, boolean demonstration, long likes, boolean likedByMe, Long rank,
		PredictionView.Publication publication, PredictionView.ModerationView moderation,
		PredictionView.Links links) {
}
