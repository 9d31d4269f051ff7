package dev.hitter.features.lyrics;

import dev.hitter.features.RejectedInputException;

/** Lyrics that cannot become tokens, with a stable {@link Reason} and a human message. */
public final class LyricsRejectedException extends RejectedInputException {

	/** Why the lyrics were refused; names and codes are stable API. */
	public enum Reason {
		/** More characters than the tokenizer accepts for one song. */
		TOO_LONG("too-long"),
		/** Not text: NUL or other control characters that no lyrics contain. */
		NOT_TEXT("not-text");

		private final String slug;

		Reason(String slug) {
			this.slug = slug;
		}

		/** The stable code, e.g. {@code lyrics/too-long}. */
		public String code() {
			return "lyrics/" + slug;
		}
	}

	private final Reason reason;

	public LyricsRejectedException(Reason reason, String message) {
		super(reason.code(), message, null);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}
