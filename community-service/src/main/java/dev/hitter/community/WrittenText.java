package dev.hitter.community;

/**
 * What a member wrote, as it is stored: kept word for word (script tags, {@code javascript:} links and all — the
 * API answers JSON and the web app renders text, never HTML), minus control characters other than line breaks and
 * tabs. Those are invisible, and two of them are the search highlight markers.
 */
public final class WrittenText {

	private WrittenText() {
	}

	/** A body: line breaks kept, surrounding blank space removed. */
	public static String body(String text) {
		return strip(text, false).strip();
	}

	/** A single line (a title): line breaks become spaces. */
	public static String line(String text) {
		return strip(text, true).strip();
	}

	/** The first {@code length} characters of a body on one line, for lists. */
	public static String excerpt(String body, int length) {
		String flat = body.replaceAll("\\s+", " ").strip();
		if (flat.length() <= length) {
			return flat;
		}
		int end = length;
		if (Character.isHighSurrogate(flat.charAt(end - 1))) {
			end--;
		}
		return flat.substring(0, end) + "…";
	}

	private static String strip(String text, boolean oneLine) {
		StringBuilder clean = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			if (c == '\n' || c == '\r' || c == '\t') {
				clean.appendCodePoint(oneLine ? ' ' : c);
			}
			else if (!Character.isISOControl(c)) {
				clean.appendCodePoint(c);
			}
		});
		return clean.toString();
	}
}
