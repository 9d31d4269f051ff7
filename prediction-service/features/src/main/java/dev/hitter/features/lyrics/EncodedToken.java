package dev.hitter.features.lyrics;

import java.util.Objects;

/**
 * What one id position of {@link EncodedLyrics} stands for, so a per-position contribution can be shown as a word.
 *
 * @param id the vocabulary id ({@link Vocabulary#UNKNOWN_ID} when the key is not in the vocabulary)
 * @param key the vocabulary key looked up
 * @param surface the words of the lyrics it came from
 * @param language the analyser that produced it
 */
public record EncodedToken(int id, String key, String surface, Language language) {

	public EncodedToken {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(surface, "surface");
		Objects.requireNonNull(language, "language");
	}
}
