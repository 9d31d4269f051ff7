package dev.hitter.prediction.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.hitter.models.Genre;
import dev.hitter.prediction.analysis.Explanation;

/**
 * A prediction as the API shows it, the same after {@code POST} and on every {@code GET} (until members like it or
 * administrators mark references).
 *
 * @param hitProbability the calibrated, combined hit probability
 * @param genrePercentile the percentage (0–100) of the genre's earlier analyses, by every member, with a lower hit
 *     probability; null for the genre's first analysis
 * @param referenceTrack whether an administrator marked this one as a reference track
 * @param ownedByMe whether the caller made this analysis (only its owner may rename, share or delete it)
 * @param references up to five reference tracks of the genre, nearest hit probability first, found when read
 */
public record PredictionView(UUID id, String title, String artist, Genre genre, Instant createdAt, boolean shared,
		double hitProbability, Double genrePercentile, Explanation.Audio audio, Explanation.Lyrics lyrics,
		Explanation.Combination combination, Explanation.Models model, Explanation.Timings timings,
		boolean referenceTrack, long likes, boolean likedByMe, boolean ownedByMe, List<Reference> references,
		Links links) {

	/** Where the prediction and its spectrogram are. */
	public record Links(String self, String spectrogram) {

		public static Links of(UUID id) {
			String self = PredictionController.BASE + "/" + id;
			return new Links(self, self + "/spectrogram.png");
		}
	}

	/** A "similar hit": a reference track and how far its hit probability is from this prediction's. */
	public record Reference(UUID id, String title, String artist, double hitProbability, double distance) {
	}
}
