package dev.hitter.features.lyrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A song's lyrics as the CNN consumes them.
 *
 * @param specId the {@link LyricsSpec#id()} that produced it
 * @param ids exactly {@code maxLength} ids; {@link Vocabulary#PAD_ID} fills the end
 * @param tokens what each non-pad position stands for: {@code tokens.get(i)} produced {@code ids[i]}
 * @param unknownCount positions holding {@link Vocabulary#UNKNOWN_ID}
 * @param truncated whether the song had more tokens than {@code maxLength} (the first ones were kept)
 */
public record EncodedLyrics(String specId, int[] ids, List<EncodedToken> tokens, int unknownCount, boolean truncated) {

	public EncodedLyrics {
		Objects.requireNonNull(specId, "specId");
		ids = ids.clone();
		tokens = List.copyOf(tokens);
		if (tokens.size() > ids.length) {
			throw new IllegalArgumentException(tokens.size() + " tokens do not fit in " + ids.length + " ids");
		}
	}

	/** A copy: callers may not change what the record holds. */
	@Override
	public int[] ids() {
		return ids.clone();
	}

	/** The number of positions that are not padding. */
	public int length() {
		return tokens.size();
	}

	// Records compare arrays by identity; two encodings of the same lyrics must be equal.
	@Override
	public boolean equals(Object other) {
		return other instanceof EncodedLyrics that && specId.equals(that.specId) && Arrays.equals(ids, that.ids)
				&& tokens.equals(that.tokens) && unknownCount == that.unknownCount && truncated == that.truncated;
	}

	@Override
	public int hashCode() {
		return Objects.hash(specId, Arrays.hashCode(ids), tokens, unknownCount, truncated);
	}

	@Override
	public String toString() {
		return "EncodedLyrics[specId=" + specId + ", length=" + tokens.size() + "/" + ids.length + ", unknownCount="
				+ unknownCount + ", truncated=" + truncated + ", tokens=" + tokens + "]";
	}
}
