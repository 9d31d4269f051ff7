package dev.hitter.trainer.data;

import java.util.Objects;

import dev.hitter.models.Genre;

/**
 * One labelled training example.
 *
 * @param id the dataset's id
 * @param genre the genre whose models it trains
 * @param hit the label
 * @param mel its log-mel, or null when the set has no audio for it
 * @param lyrics its lyrics text, or null when unknown
 * @param split a split fixed by the data, or null to be assigned by the trainer
 */
public record Song(String id, Genre genre, boolean hit, MelSource mel, String lyrics, Split split) {

	public Song {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(genre, "genre");
	}

	public Song withSplit(Split split) {
		return new Song(id, genre, hit, mel, lyrics, split);
	}

	/** The same song with its mel read from elsewhere (a mel shard); every other field kept. */
	public Song withMel(MelSource mel) {
		return new Song(id, genre, hit, mel, lyrics, split);
	}
}
