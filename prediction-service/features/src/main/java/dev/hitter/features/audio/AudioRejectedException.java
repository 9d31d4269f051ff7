package dev.hitter.features.audio;

import dev.hitter.features.RejectedInputException;

/** An audio upload that cannot become features, with a stable {@link Reason} and a human message. */
public final class AudioRejectedException extends RejectedInputException {

	/** Why the audio was refused; names and codes are stable API (the REST layer maps them to problem types). */
	public enum Reason {
		/** Zero bytes. */
		EMPTY("empty"),
		/** Not recognised as audio at all (text, an image, random bytes), or no audio could be decoded. */
		NOT_AUDIO("not-audio"),
		/** Recognised, but a container or codec we do not accept (e.g. a video-only or image format). */
		UNSUPPORTED_FORMAT("unsupported-format"),
		/** Recognised, but shorter than its own header says, or cut off before its structure is complete. */
		TRUNCATED("truncated"),
		/** Recognised, but its header or data is inconsistent beyond what the decoder can conceal. */
		DAMAGED("damaged"),
		/** Sample rate or channel count outside what any real recording uses. */
		ABSURD_PARAMETERS("absurd-parameters"),
		/** Shorter than the segment rule's minimum. */
		TOO_SHORT("too-short"),
		/** Longer than the decoder accepts (a DJ mix, or a header that claims hours). */
		TOO_LONG("too-long"),
		/** More bytes than the decoder buffers from a stream. */
		TOO_LARGE("too-large"),
		/** Decoding did not finish within the per-file deadline (pathological input). */
		TIMED_OUT("timed-out");

		private final String slug;

		Reason(String slug) {
			this.slug = slug;
		}

		/** The stable code, e.g. {@code audio/not-audio}. */
		public String code() {
			return "audio/" + slug;
		}
	}

	private final Reason reason;

	public AudioRejectedException(Reason reason, String message) {
		this(reason, message, null);
	}

	public AudioRejectedException(Reason reason, String message, Throwable cause) {
		super(reason.code(), message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}
