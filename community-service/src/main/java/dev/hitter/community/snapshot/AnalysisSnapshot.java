package dev.hitter.community.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An analysis's figures as they were when its owner shared it into a post: stored with the post, so the post shows
 * the same even after the analysis is renamed or deleted. Never the audio, never the lyrics.
 *
 * @param genre POP, BALLAD or DANCE
 * @param modelNotice the models' notices, word for word (demonstration models say so); null when they have none
 * @param modelSetVersion the versions of the audio and lyrics models that answered, as {@code audio/lyrics}
 * @param link the web app's result page of the analysis (it answers only to those who may see it)
 * @param takenAt when the snapshot was taken
 */
public record AnalysisSnapshot(UUID predictionId, String title, String artist, String genre, double hitProbability,
		double audioProbability, double lyricsProbability, List<Segment> topSegments, String modelNotice,
		boolean demonstration, String modelSetVersion, String link, Instant takenAt) {

	/** A stretch of the track, in seconds from the analysed segment's start, and its share of the audio score. */
	public record Segment(double fromSeconds, double toSeconds, double contribution) {
	}
}
