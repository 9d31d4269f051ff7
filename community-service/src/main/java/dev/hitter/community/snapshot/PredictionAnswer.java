package dev.hitter.community.snapshot;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of prediction-service's {@code GET /api/v1/predictions/{id}} answer a snapshot keeps (every other field is
 * ignored, so prediction-service may add fields freely).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PredictionAnswer(UUID id, String title, String artist, String genre, double hitProbability, Audio audio,
		Lyrics lyrics, Models model, boolean ownedByMe) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Audio(double score, List<AnalysisSnapshot.Segment> topSegments) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Lyrics(double score) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Models(Model audio, Model lyrics) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Model(String modelId, String version, boolean demonstration, String notice) {
	}
}
