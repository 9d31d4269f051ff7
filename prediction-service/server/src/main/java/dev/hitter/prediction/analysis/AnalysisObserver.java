package dev.hitter.prediction.analysis;

import dev.hitter.models.Genre;

/**
 * Told when an analysis has been admitted and is about to run, while it holds its slot: a seam for metrics, and for
 * tests that need an analysis provably in flight (no sleeps). Every bean of this type is called, on the request
 * thread.
 */
public interface AnalysisObserver {

	void admitted(Genre genre);
}
