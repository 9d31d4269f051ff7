package dev.hitter.prediction.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.hitter.models.Genre;
import dev.hitter.prediction.analysis.Explanation;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A prediction as the API shows it, the same after {@code POST} and on every {@code GET} (until members like it or
 * administrators mark references).
 *
 * @param hitProbability the calibrated, combined hit probability
 * @param logit the combined logit ({@code ln(p / (1 − p))} of {@code hitProbability}) that every contribution in
 *     {@code audio} and {@code lyrics} is a share of, with its bias; null for analyses kept before contributions
 *     were in one currency (their contributions are each model's raw logit)
 * @param genrePercentile the percentage (0–100) of the genre's earlier analyses, by every member, with a lower hit
 *     probability; null for the genre's first analysis
 * @param referenceTrack whether an administrator marked this one as a reference track
 * @param ownedByMe whether the caller made this analysis (only its owner may rename, share or delete it)
 * @param references up to five reference tracks of the genre, nearest hit probability first, found when read
 * @param publication what its owner published (audio to stream, lyrics to read); null when nothing is
 * @param moderation an administrator's decision; shown to the owner and administrators only (nobody else sees a
 *     hidden entry), null when none
 * @param publishable whether the analysis recorded its file's fingerprint, which publishing checks the file against
 *     (analyses older than fingerprints cannot be published)
 */
public record PredictionView(UUID id, @Schema(example = "첫사랑 (First Love)") String title,
		@Schema(example = "Min-ji") String artist, Genre genre, Instant createdAt, boolean shared,
		@Schema(example = "0.73") double hitProbability, @Schema(example = "81.5") Double genrePercentile, Explanation.Audio audio, Explanation.Lyrics lyrics,
		Explanation.Combination combination, Explanation.Models model, Explanation.Timings timings,
		@Schema(description = "The combined, calibrated logit ln(p / (1 − p)) of hitProbability, which every "
				+ "contribution in audio and lyrics is a share of, and its parts: value = bias + audio + words + "
				+ "unknownWords + residual. Null for analyses kept before contributions were in one currency: theirs "
				+ "are each model's raw logit (audio and words do not compare).", nullable = true)
		Explanation.Logit logit,
		boolean referenceTrack, long likes, boolean likedByMe, boolean ownedByMe, List<Reference> references,
		Publication publication, ModerationView moderation, boolean publishable, Links links) {

	/** Where the prediction, its spectrogram and its published audio and lyrics are (these answer when published). */
	public record Links(String self, String spectrogram, String audio, String lyrics) {

		public static Links of(UUID id) {
			String self = PredictionController.BASE + "/" + id;
			return new Links(self, self + "/spectrogram.png", self + "/audio", self + "/lyrics");
		}
	}

	/**
	 * A publication: audio that signed-in members can stream and, if the owner chose so, the lyrics to read.
	 *
	 * @param audio whether audio is published (always, for now: a publication starts with its file)
	 * @param lyrics whether the lyrics are published
	 * @param audioBytes the published file's size
	 * @param mediaType the published file's media type, e.g. {@code audio/mpeg}
	 */
	public record Publication(boolean audio, boolean lyrics, Instant publishedAt, Long audioBytes,
			String mediaType) {
	}

	/** An administrator's decision as its owner and administrators see it. */
	public record ModerationView(Moderation state, String reason, Instant moderatedAt) {
	}

	/** A "similar hit": a reference track and how far its hit probability is from this prediction's. */
	public record Reference(UUID id, String title, String artist, double hitProbability, double distance) {
	}
}
