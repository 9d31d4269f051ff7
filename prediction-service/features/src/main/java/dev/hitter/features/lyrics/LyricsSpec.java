package dev.hitter.features.lyrics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How lyrics become ids; the trainer records {@link #id()} in the model card and the server refuses a model whose
 * spec it does not run.
 *
 * @param id stable name of this configuration, e.g. {@code lyrics-v1}; change it whenever any other field changes
 * @param maxLength number of ids per song (the CNN's input length); shorter songs are padded at the end
 * @param maxCharacters longest lyrics accepted, in characters, before normalisation
 * @param stopWords whether the built-in stop words are removed
 * @param stemming whether English words are reduced to Porter stems (Korean is always reduced to base forms)
 */
public record LyricsSpec(String id, int maxLength, int maxCharacters, boolean stopWords, boolean stemming) {

	// Declared before V1: static fields initialise in order, and V1's constructor uses it.
	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");

	/** The first configuration: 512 tokens, 20,000 characters, stop words removed, English stemmed. */
	public static final LyricsSpec V1 = new LyricsSpec("lyrics-v1", 512, LyricsNormalizer.DEFAULT_MAX_CHARACTERS,
			true, true);

	public LyricsSpec {
		Objects.requireNonNull(id, "id");
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("lyrics spec id must be lower-case letters, digits, '.' or '-': " + id);
		}
		if (maxLength < 1) {
			throw new IllegalArgumentException("lyrics spec maxLength must be at least 1: " + maxLength);
		}
		if (maxCharacters < 1) {
			throw new IllegalArgumentException("lyrics spec maxCharacters must be at least 1: " + maxCharacters);
		}
	}
}
