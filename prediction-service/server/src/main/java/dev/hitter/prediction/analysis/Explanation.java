package dev.hitter.prediction.analysis;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Why a track got its hit probability: what the result page shows besides the number, kept as the analysis
 * produced it so that a stored prediction renders exactly as it was first answered. Of the lyrics it keeps only
 * the few words shown, never the whole text: that is all the result needs, and less of a member's unreleased
 * work to hold.
 *
 * <p>Every contribution (segments, words, the unknown words) is a share of the combined, calibrated logit
 * {@code ln(p / (1 − p))} of the hit probability, so that an audio second and a lyric word compare; {@link Logit}
 * adds them up with the bias. Analyses kept before that (stored without {@code logit}) hold each model's raw logit
 * instead and are shown as they were: their {@code logit} is null.
 *
 * @param audio the audio model's answer over the 30-second segment
 * @param lyrics the lyrics model's answer and the words that moved it most
 * @param combination how the two scores became one
 * @param model which models answered, with their notices
 * @param timings how long each stage took, in milliseconds
 * @param logit the combined logit and what it is made of; null in analyses kept before contributions were in it
 */
public record Explanation(Audio audio, Lyrics lyrics, Combination combination, Models model, Timings timings,
		Logit logit) {

	/**
	 * @param score the calibrated audio hit probability
	 * @param segmentStartSeconds where the analysed 30 seconds start in the track
	 * @param segments each model position's contribution to the combined logit, in time order, covering the segment
	 * @param topSegments the three 3-second stretches with the highest summed contribution, highest first
	 */
	public record Audio(double score, double segmentStartSeconds,
			@Schema(description = "Each model position's contribution, in time order, covering the segment. In the "
					+ "combined, calibrated logit (comparable with the words' contributions); in each model's raw "
					+ "logit for analyses whose logit is null.") List<Segment> segments,
			@Schema(description = "The three 3-second stretches with the highest summed contribution, highest first")
			List<Segment> topSegments) {
	}

	/** A stretch of the segment, in seconds from its start, and its share of the combined logit. */
	public record Segment(double fromSeconds, double toSeconds,
			@Schema(description = "Its share of the combined, calibrated logit (positive: towards a hit)",
					example = "0.021") double contribution) {
	}

	/**
	 * @param score the calibrated lyrics hit probability
	 * @param raised up to five known words with the largest positive contributions, largest first
	 * @param lowered up to five known words with the most negative contributions, most negative first
	 * @param unknownTokens tokens the model's vocabulary does not hold
	 * @param truncated whether the lyrics were longer than the model reads
	 * @param unknownContribution the unknown tokens' summed contribution, as one item; null in older analyses
	 */
	public record Lyrics(double score, List<Word> raised, List<Word> lowered,
			@Schema(description = "Tokens the model's vocabulary does not hold (it read each as the same unknown "
					+ "token)") int unknownTokens,
			boolean truncated,
			@Schema(description = "The unknown tokens' summed share of the combined, calibrated logit, shown as one "
					+ "item (\"unknown words\"); null for analyses whose logit is null", example = "-0.004")
			Double unknownContribution) {
	}

	/** A word of the lyrics (as first written) with the summed contribution of all its occurrences. */
	public record Word(String word,
			@Schema(description = "The summed share of all its occurrences in the combined, calibrated logit, "
					+ "comparable with the audio segments'", example = "0.35") double contribution,
			int occurrences) {
	}

	/**
	 * The combined, calibrated logit and what makes it up, each part in that logit:
	 * {@code value = bias + audio + words + unknownWords + residual}.
	 *
	 * @param value the combined logit, {@code ln(p / (1 − p))} of the hit probability
	 * @param bias the baseline: the logit of a song whose every contribution were zero (the networks' output biases,
	 *     the calibrations' intercepts and the combination's intercept, through the same weights)
	 * @param audio the audio segments' summed contribution
	 * @param words every known word's summed contribution (the shown words are the strongest of them)
	 * @param unknownWords the unknown tokens' summed contribution ({@code lyrics.unknownContribution})
	 * @param residual what the contributions and the bias do not account for: rounding, about 1e-6, for models whose
	 *     contributions add up exactly to their logit
	 */
	@Schema(description = "The combined, calibrated logit ln(p / (1 − p)) of the hit probability, which every "
			+ "contribution is a share of, and what makes it up: value = bias + audio + words + unknownWords + residual")
	public record Logit(@Schema(description = "ln(p / (1 − p)) of hitProbability", example = "0.99") double value,
			@Schema(description = "The baseline: the logit of a song whose every contribution were zero (the "
					+ "networks' output biases, the calibrations' and the combination's intercepts)",
					example = "-0.15") double bias,
			@Schema(description = "The audio segments' summed contribution", example = "0.95") double audio,
			@Schema(description = "Every known word's summed contribution (not only the shown ones)",
					example = "0.19") double words,
			@Schema(description = "The unknown tokens' summed contribution", example = "-0.004") double unknownWords,
			@Schema(description = "What the contributions and the bias leave unexplained: rounding (about 1e-6) "
					+ "for models whose contributions add up exactly to their logit", example = "0.0000006")
			double residual) {
	}

	/** The model set's combination and the audio's share of the combined logit. */
	public record Combination(String method, double audioWeight, double lyricsWeight, double bias, double audioShare) {
	}

	/** The audio and lyrics models that answered. */
	public record Models(Model audio, Model lyrics) {

		/** Whether either model that answered is a demonstration model: then every list showing it says so. */
		@JsonIgnore
		public boolean anyDemonstration() {
			return (audio != null && audio.demonstration()) || (lyrics != null && lyrics.demonstration());
		}
	}

	/** One model as its card describes it; {@code notice} is repeated word for word. */
	public record Model(String modelId, String version, boolean demonstration, String notice, String trainingData) {
	}

	/** Milliseconds per stage; {@code total} includes receiving the upload. */
	public record Timings(long decode, long features, long audioModel, long lyricsModel, long total) {
	}
}
