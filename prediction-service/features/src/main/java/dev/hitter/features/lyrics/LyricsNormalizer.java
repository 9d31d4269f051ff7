package dev.hitter.features.lyrics;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns lyrics as users paste them (plain text, LRC files, Genius-style annotated text) into the canonical text the
 * {@link LyricsTokenizer} reads. Stateless and thread-safe.
 *
 * <p>What it does, in order:
 * <ol>
 * <li>Refuses text longer than the configured maximum ({@code TOO_LONG}) and text with C0 control characters
 * other than tab, line feed and carriage return ({@code NOT_TEXT}): that is a binary file, not lyrics.</li>
 * <li>Unicode NFKC (full-width ＡＢＣ becomes ABC, half-width ｶﾅ becomes カナ, decomposed Hangul jamo compose),
 * then lower case in {@link Locale#ROOT}.</li>
 * <li>Per line: LRC metadata lines ({@code [ar:…]}, {@code [ti:…]}, {@code [offset:…]} …) are dropped; LRC time
 * tags ({@code [00:12.34]}, {@code [01:02]}, {@code [01:02.345]}) and enhanced-LRC word tags
 * ({@code <00:12.34>}) are removed.</li>
 * <li>Anything else in square brackets ({@code [Verse 1]}, {@code [Chorus: Jungkook]}) is removed: by the
 * convention of lyrics sites, brackets hold annotations that are never sung. Lines that are only a section label
 * ({@code Chorus:}, {@code 후렴}) are dropped too.</li>
 * <li>Repeat marks ({@code (x2)}, {@code (2x)}, {@code (×3)}, {@code (repeat)}, {@code (반복)}, a trailing
 * {@code x2}) are removed and the section is <em>not</em> expanded: sources disagree on whether choruses are
 * written out, and expanding would push the opening of the song towards the truncation limit. Other parentheses
 * are kept as words, since they usually hold sung backing vocals ({@code (oh yeah)}).</li>
 * <li>Punctuation, symbols and emoji become spaces; an apostrophe (also ’ ‘ ʼ `) survives only between two letters,
 * so don't and i'm stay words while quotes disappear. Invisible format characters (zero-width space, BOM, soft
 * hyphen) are deleted without a space, because they sit inside words. Digits are kept here; the tokenizer decides.</li>
 * <li>Runs of white space become one space; lines are trimmed; empty lines are dropped. Line breaks are kept
 * (one per lyric line): they cost nothing, the tokenizer reads them as spaces, and the text stays readable where
 * it is shown.</li>
 * </ol>
 */
public final class LyricsNormalizer {

	/** Longest lyrics accepted by default: several times the longest K-pop song, far below a pasted book. */
	public static final int DEFAULT_MAX_CHARACTERS = 20_000;

	private static final Pattern LRC_METADATA = Pattern
			.compile("\\s*\\[(?:ar|ti|al|au|by|offset|length|re|ve|tool|#)\\s*:[^\\]]*]\\s*");

	private static final Pattern LRC_TIME_TAG = Pattern.compile("[\\[<]\\d{1,3}:\\d{1,2}(?:[.:]\\d{1,3})?[\\]>]");

	/** Longest text a repeat mark may hold, e.g. {@code (repeat chorus twice)}: bounds the regex's rescans. */
	private static final int MAX_REPEAT_MARK_TEXT = 40;

	// The text after "repeat" is bounded: unbounded, a line of "(repeat" without a ")" was rescanned to its end
	// from every "(" (quadratic: 1.4 s for 20,000 characters).
	private static final Pattern REPEAT_MARK = Pattern.compile("\\(\\s*(?:[x×*]\\s*\\d+|\\d+\\s*[x×]|(?:repeat|반복)[^)]{0,"
			+ MAX_REPEAT_MARK_TEXT + "})\\s*\\)|(?:^|\\s)[x×]\\s?\\d+\\s*$");

	private static final Pattern SECTION_LABEL = Pattern.compile("\\s*(?:verse|chorus|pre-?chorus|post-?chorus|bridge"
			+ "|hook|intro|outro|refrain|interlude|후렴|간주|브릿지|인트로|아웃트로|벌스|훅)\\s*\\d*\\s*:?\\s*");

	// Longer lines cannot be a bare label; spares the regex on almost every line.
	private static final int MAX_SECTION_LABEL = 32;

	private final int maxCharacters;

	public LyricsNormalizer() {
		this(DEFAULT_MAX_CHARACTERS);
	}

	public LyricsNormalizer(int maxCharacters) {
		if (maxCharacters < 1) {
			throw new IllegalArgumentException("maxCharacters must be at least 1: " + maxCharacters);
		}
		this.maxCharacters = maxCharacters;
	}

	public int maxCharacters() {
		return maxCharacters;
	}

	/**
	 * The canonical form of {@code lyrics}: lower case, one lyric line per line, words separated by single spaces.
	 *
	 * @throws LyricsRejectedException {@code TOO_LONG} or {@code NOT_TEXT}
	 */
	public String normalize(String lyrics) {
		Objects.requireNonNull(lyrics, "lyrics");
		rejectTooLong(lyrics);
		rejectControlCharacters(lyrics);
		String text = Normalizer.normalize(lyrics, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(text.length());
		int start = 0;
		int length = text.length();
		while (start <= length) {
			int end = start;
			while (end < length && !isLineBreak(text.charAt(end))) {
				end++;
			}
			appendLine(text.substring(start, end), out);
			if (end < length - 1 && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n') {
				end++;
			}
			start = end + 1;
		}
		return out.toString();
	}

	private void rejectTooLong(String lyrics) {
		// length() counts UTF-16 units; only count code points (never more) when the cheap test fails.
		if (lyrics.length() > maxCharacters && lyrics.codePointCount(0, lyrics.length()) > maxCharacters) {
			throw new LyricsRejectedException(LyricsRejectedException.Reason.TOO_LONG,
					"Lyrics may have at most " + maxCharacters + " characters; these have "
							+ lyrics.codePointCount(0, lyrics.length()) + ".");
		}
	}

	private static void rejectControlCharacters(String lyrics) {
		for (int i = 0; i < lyrics.length(); i++) {
			char c = lyrics.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				throw new LyricsRejectedException(LyricsRejectedException.Reason.NOT_TEXT, String.format(Locale.ROOT,
						"Lyrics must be plain text; found control character U+%04X at position %d.", (int) c, i));
			}
		}
	}

	private static boolean isLineBreak(char c) {
		return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
	}

	private static void appendLine(String line, StringBuilder out) {
		if (line.indexOf('[') >= 0) {
			if (LRC_METADATA.matcher(line).matches()) {
				return;
			}
			line = removeAnnotations(LRC_TIME_TAG.matcher(line).replaceAll(" "));
		}
		else if (line.indexOf('<') >= 0) {
			line = LRC_TIME_TAG.matcher(line).replaceAll(" ");
		}
		if (line.indexOf('x') >= 0 || line.indexOf('×') >= 0 || line.indexOf('(') >= 0) {
			line = REPEAT_MARK.matcher(line).replaceAll(" ");
		}
		if (line.length() <= MAX_SECTION_LABEL && SECTION_LABEL.matcher(line).matches()) {
			return;
		}
		int lineStart = out.length();
		if (lineStart > 0) {
			out.append('\n');
		}
		int contentStart = out.length();
		appendWords(line, out);
		if (out.length() == contentStart) {
			out.setLength(lineStart);
		}
	}

	/**
	 * Replaces each {@code [...]} with a space, in one pass: a {@code [} with no {@code ]} after it stays, and so
	 * does everything after it. (The regex {@code \\[[^\\]]*]} did the same but rescanned to the end of the line
	 * from every unclosed {@code [}: 2.5 s for a line of 20,000.)
	 */
	static String removeAnnotations(String line) {
		int lastClose = line.lastIndexOf(']');
		StringBuilder out = new StringBuilder(line.length());
		int from = 0;
		int open = line.indexOf('[');
		while (open >= 0 && open < lastClose) {
			int close = line.indexOf(']', open + 1);
			out.append(line, from, open).append(' ');
			from = close + 1;
			open = line.indexOf('[', from);
		}
		return out.append(line, from, line.length()).toString();
	}

	/** Letters, marks and digits pass; everything else becomes one separating space. */
	private static void appendWords(String line, StringBuilder out) {
		int contentStart = out.length();
		boolean pendingSpace = false;
		int i = 0;
		while (i < line.length()) {
			int cp = line.codePointAt(i);
			int next = i + Character.charCount(cp);
			int type = Character.getType(cp);
			if (isApostrophe(cp)) {
				// Kept only inside a word (don't, i'm); quotes and elisions ('cause, lovin') become separators.
				if (!pendingSpace && out.length() > contentStart && Character.isLetter(out.charAt(out.length() - 1))
						&& next < line.length() && Character.isLetter(line.codePointAt(next))) {
					out.append('\'');
				}
				else {
					pendingSpace = true;
				}
			}
			else if (isWordPart(type)) {
				if (pendingSpace && out.length() > contentStart) {
					out.append(' ');
				}
				pendingSpace = false;
				out.appendCodePoint(cp);
			}
			else if (type != Character.FORMAT) {
				pendingSpace = true;
			}
			i = next;
		}
	}

	private static boolean isWordPart(int type) {
		return switch (type) {
			case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
					Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
					Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK, Character.DECIMAL_DIGIT_NUMBER -> true;
			default -> false;
		};
	}

	private static boolean isApostrophe(int cp) {
		return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '`';
	}
}
