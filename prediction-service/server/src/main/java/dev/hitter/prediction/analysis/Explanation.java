package dev.hitter.prediction.analysis;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Why a track got its hit probability: what the result page shows besides the number, kept as the analysis
 * produced it so that a stored prediction renders exactly as it was first answered. Of the lyrics it keeps only
 * the few words shown, never the whole text: that is all the result needs, and less of a member's unreleased
 * work to hold.
 *
 * @param audio the audio model's answer over the 30-second segment
 * @param lyrics the lyrics model's answer and the words that moved it most
 * @param combination how the two scores became one
 * @param model which models answered, with their notices
 * @param timings how long each stage took, in milliseconds
 */
public record Explanation(Audio audio, Lyrics lyrics, Combination combination, Models model, Timings timings) {

	/**
	 * @param score the calibrated audio hit probability
	 * @param segmentStartSeconds where the analysed 30 seconds start in the track
	 * @param segments each model position's contribution to the audio logit, in time order, covering the segment
	 * @param topSegments the three 3-second stretches with the highest summed contribution, highest first
	 */
	public record Audio(double score, double segmentStartSeconds, List<Segment> segments, List<Segment> topSegments) {
	}

	/** A stretch of the segment, in seconds from its start, and its share of the audio logit. */
	public record Segment(double fromSeconds, double toSeconds, double contribution) {
	}

	/**
	 * @param score the calibrated lyrics hit probability
	 * @param raised up to five known words with the largest positive contributions, largest first
	 * @param lowered up to five known words with the most negative contributions, most negative first
	 * @param unknownTokens tokens the model's vocabulary does not hold
	 * @param truncated whether the lyrics were longer than the model reads
	 */
	public record Lyrics(double score, List<Word> raised, List<Word> lowered, int unknownTokens, boolean truncated) {
	}

	/** A word of the lyrics (as first written) with the summed contribution of all its occurrences. */
	public record Word(String word, double contribution, int occurrences) {
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
