package dev.hitter.prediction.history;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What the history needs of publications (implemented by the publication feature): to describe them beside an
 * analysis, and to withdraw them the moment the analysis stops being shared, is deleted or is removed by an
 * administrator. An interface here, so that the history depends on no publication class.
 */
public interface PublishedTracks {

	/** The publications among these analyses; unpublished ones are missing from the map. */
	Map<UUID, PredictionView.Publication> describe(Collection<UUID> predictions);

	/** Deletes the analysis' published audio and lyrics, if any, at once (in the caller's transaction). */
	void withdraw(UUID prediction);
}
