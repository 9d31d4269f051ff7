package dev.hitter.prediction.analysis;

import java.time.Duration;

import dev.hitter.models.Genre;

/**
 * Told when an analysis has been admitted and is about to run, while it holds its slot: a seam for metrics, and for
 * tests that need an analysis provably in flight (no sleeps). Every bean of this type is called, on the request
 * thread.
 */
public interface AnalysisObserver {

	void admitted(Genre genre);

	/** The analysis ran through: how long each stage took (the models: audio and lyrics together). */
	default void stagesDone(Genre genre, Duration decode, Duration features, Duration models) {
	}
}
