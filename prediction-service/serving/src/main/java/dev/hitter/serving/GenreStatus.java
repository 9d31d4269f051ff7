package dev.hitter.serving;

import java.time.Instant;

import dev.hitter.models.Genre;

/**
 * What the registry serves for a genre, and if nothing, why.
 *
 * @param genre the genre
 * @param servedVersion the version being served, or null
 * @param notice the served models' card notice (audio model's), or null
 * @param problem why nothing (or not the promoted version) is served, or null
 * @param since when this status began
 */
public record GenreStatus(Genre genre, String servedVersion, String notice, String problem, Instant since) {

	public boolean isServing() {
		return servedVersion != null;
	}
}
