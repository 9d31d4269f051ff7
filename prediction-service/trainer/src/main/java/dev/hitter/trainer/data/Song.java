package dev.hitter.trainer.data;

import java.time.LocalDate;
import java.util.List;
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
 * @param artists who performs it (Melon: artist ids; a manifest: names), empty when unknown; the artist-grouped
 * split keeps songs sharing any artist together
 * @param released its release date, or null when unknown (then the time-based split leaves it out)
 */
public record Song(String id, Genre genre, boolean hit, MelSource mel, String lyrics, Split split, List<String> artists,
		LocalDate released) {

	public Song {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(genre, "genre");
		artists = artists == null ? List.of() : List.copyOf(artists);
	}

	/** A song with neither artists nor release date known. */
	public Song(String id, Genre genre, boolean hit, MelSource mel, String lyrics, Split split) {
		this(id, genre, hit, mel, lyrics, split, List.of(), null);
	}

	public Song withSplit(Split split) {
		return new Song(id, genre, hit, mel, lyrics, split, artists, released);
	}

	/** The same song with its mel read from elsewhere (a mel shard); every other field kept. */
	public Song withMel(MelSource mel) {
		return new Song(id, genre, hit, mel, lyrics, split, artists, released);
	}
}
