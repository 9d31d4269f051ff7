package dev.hitter.features.lyrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lyrics to the fixed-length ids a {@link LyricsSpec} describes; the one code path both the trainer and the
 * prediction server use, so their inputs cannot drift apart. Thread-safe; build one per spec and share it.
 */
public final class LyricsEncoder {

	private final LyricsSpec spec;

	private final LyricsNormalizer normalizer;

	private final LyricsTokenizer tokenizer;

	public LyricsEncoder(LyricsSpec spec) {
		this.spec = Objects.requireNonNull(spec, "spec");
		this.normalizer = new LyricsNormalizer(spec.maxCharacters());
		this.tokenizer = new LyricsTokenizer(spec);
	}

	public LyricsSpec spec() {
		return spec;
	}

	/**
	 * Every token of the song, untruncated: what the trainer counts to {@link Vocabulary#build build} the
	 * vocabulary.
	 *
	 * @throws LyricsRejectedException if the lyrics are too long or not text
	 */
	public List<LyricsToken> tokens(String lyrics) {
		return tokenizer.tokenize(normalizer.normalize(lyrics));
	}

	/** The vocabulary keys of {@link #tokens(String)}. */
	public List<String> keys(String lyrics) {
		List<LyricsToken> tokens = tokens(lyrics);
		List<String> keys = new ArrayList<>(tokens.size());
		for (LyricsToken token : tokens) {
			keys.add(token.key());
		}
		return keys;
	}

	/**
	 * The song as exactly {@code maxLength} ids, padded with {@link Vocabulary#PAD_ID} at the end. Longer songs keep
	 * their first {@code maxLength} tokens: the first verse and chorus are what a listener hears first, and where a
	 * song wins or loses them. Empty lyrics (an instrumental) give all padding.
	 *
	 * @throws LyricsRejectedException if the lyrics are too long or not text
	 */
	public EncodedLyrics encode(String lyrics, Vocabulary vocabulary) {
		Objects.requireNonNull(vocabulary, "vocabulary");
		List<LyricsToken> tokens = tokens(lyrics);
		int length = Math.min(tokens.size(), spec.maxLength());
		int[] ids = new int[spec.maxLength()];
		List<EncodedToken> encoded = new ArrayList<>(length);
		int unknown = 0;
		for (int i = 0; i < length; i++) {
			LyricsToken token = tokens.get(i);
			int id = vocabulary.id(token.key());
			if (id == Vocabulary.UNKNOWN_ID) {
				unknown++;
			}
			ids[i] = id;
			encoded.add(new EncodedToken(id, token.key(), token.surface(), token.language()));
		}
		return new EncodedLyrics(spec.id(), ids, encoded, unknown, tokens.size() > spec.maxLength());
	}
}
