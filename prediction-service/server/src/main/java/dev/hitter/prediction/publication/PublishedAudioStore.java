package dev.hitter.prediction.publication;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Where published audio lives, keyed by the analysis it belongs to: somewhere every replica reads. The database
 * keeps it today ({@link DatabasePublishedAudioStore}); an object store can implement the same four calls.
 */
public interface PublishedAudioStore {

	/** Stores the file, replacing any earlier one of the analysis; answers its size. */
	long write(UUID prediction, InputStream audio) throws IOException;

	/** The file from byte {@code offset} to its end; the caller reads as far as it needs and closes it. */
	InputStream read(UUID prediction, long offset);

	/** Deletes the file at once; nothing happens if there is none. */
	void delete(UUID prediction);

	/** The bytes kept for the analysis (0 when none): what a test or an operator checks after a deletion. */
	long storedBytes(UUID prediction);
}
