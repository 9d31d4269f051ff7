package dev.hitter.trainer.data;

import java.util.List;
import java.util.Objects;

import dev.hitter.models.Genre;

/**
 * A genre's songs with what a model card must say about them.
 *
 * @param source {@code synthetic-demo}, {@code manifest} or {@code melon}
 * @param description the data in a sentence
 * @param labelRule how hit labels were derived
 * @param demonstration whether the data is synthetic
 * @param splitStrategy how the trainer divides it into train, validation and test
 */
public record TrainingSet(Genre genre, List<Song> songs, String source, String description, String labelRule,
		boolean demonstration, SplitStrategy splitStrategy) {

	public TrainingSet {
		songs = List.copyOf(songs);
		Objects.requireNonNull(splitStrategy, "splitStrategy");
	}

	/** A set split at random (stratified by label), as every set was before the split strategies. */
	public TrainingSet(Genre genre, List<Song> songs, String source, String description, String labelRule,
			boolean demonstration) {
		this(genre, songs, source, description, labelRule, demonstration, SplitStrategy.RANDOM);
	}

	public TrainingSet withSplitStrategy(SplitStrategy strategy) {
		return new TrainingSet(genre, songs, source, description, labelRule, demonstration, strategy);
	}

	public boolean hasLyrics() {
		return songs.stream().anyMatch(song -> song.lyrics() != null);
	}

	public int positives() {
		return (int) songs.stream().filter(Song::hit).count();
	}
}
