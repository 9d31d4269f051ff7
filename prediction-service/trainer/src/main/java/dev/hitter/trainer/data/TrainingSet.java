package dev.hitter.trainer.data;

import java.util.List;

import dev.hitter.models.Genre;

/**
 * A genre's songs with what a model card must say about them.
 *
 * @param source {@code synthetic-demo}, {@code manifest} or {@code melon}
 * @param description the data in a sentence
 * @param labelRule how hit labels were derived
 * @param demonstration whether the data is synthetic
 */
public record TrainingSet(Genre genre, List<Song> songs, String source, String description, String labelRule,
		boolean demonstration) {

	public TrainingSet {
		songs = List.copyOf(songs);
	}

	public boolean hasLyrics() {
		return songs.stream().anyMatch(song -> song.lyrics() != null);
	}

	public int positives() {
		return (int) songs.stream().filter(Song::hit).count();
	}
}
