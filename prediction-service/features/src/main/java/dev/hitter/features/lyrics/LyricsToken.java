package dev.hitter.features.lyrics;

import java.util.Objects;

/**
 * One token of a song's lyrics.
 *
 * @param key the vocabulary key: a Korean morpheme in its base form (알 for 알아줘) or an English word after the
 *     English chain (a Porter stem when stemming is on)
 * @param surface the stretch of normalised lyrics it came from (알아줘, dancing), for showing a person which words
 *     moved a score
 * @param language the analyser that produced it
 */
public record LyricsToken(String key, String surface, Language language) {

	public LyricsToken {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(surface, "surface");
		Objects.requireNonNull(language, "language");
	}
}
