package dev.hitter.prediction.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.models.Genre;

/**
 * The form fields of a track, read the same way for a single analysis and for each item of a batch job: genre,
 * labels, lyrics as text or as a .txt/.lrc file. Problems are collected per field so that one answer names them all.
 */
public final class TrackForm {

	public static final int MAX_LABEL_LENGTH = 200;

	/** Lyrics files past this are refused before decoding; the tokenizer's own limit is 20,000 characters. */
	public static final DataSize MAX_LYRICS_FILE = DataSize.ofKilobytes(256);

	private TrackForm() {
	}

	/** The genre named in {@code field}, or null with a problem added. */
	public static Genre genre(String field, String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "is required (one of POP, BALLAD, DANCE)"));
			return null;
		}
		try {
			return Genre.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "must be one of POP, BALLAD, DANCE"));
			return null;
		}
	}

	/** The most of a member's own input a problem detail repeats; a longer value is cut, with an ellipsis. */
	public static final int MAX_ECHO = 100;

	/**
	 * A short excerpt of member input for a problem detail: a 300 KB file name once came back twice in a 600 KB
	 * answer. Cut at {@value #MAX_ECHO} characters (whole code points) with an ellipsis.
	 */
	public static String excerpt(String value) {
		if (value == null || value.codePointCount(0, value.length()) <= MAX_ECHO) {
			return value;
		}
		return value.substring(0, value.offsetByCodePoints(0, MAX_ECHO)) + "\u2026";
	}

	public static void checkLabel(String field, String value, List<FieldProblem> problems) {
		if (value != null && value.length() > MAX_LABEL_LENGTH) {
			problems.add(new FieldProblem(field, "must be at most " + MAX_LABEL_LENGTH + " characters"));
		}
	}

	/** A browser sends an empty, nameless part for a file input left empty: that is no file, not an empty one. */
	public static boolean absent(MultipartFile file) {
		return file == null || file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename());
	}

	public static boolean isLyricsFileName(String name) {
		String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".txt") || lower.endsWith(".lrc");
	}

	/** A .txt or .lrc file in UTF-8 (a byte-order mark is dropped); LRC tags are removed. */
	public static String readLyricsFile(String field, MultipartFile file) {
		if (!isLyricsFileName(file.getOriginalFilename())) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, field, "must be a .txt or .lrc file");
		}
		if (file.getSize() > MAX_LYRICS_FILE.toBytes()) {
			throw tooLongLyricsFile(field);
		}
		try {
			return readLyricsFile(field, file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The same, from a file's name and bytes. */
	public static String readLyricsFile(String field, String fileName, byte[] bytes) {
		String name = fileName == null ? "" : fileName;
		if (!isLyricsFileName(name)) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, field, "must be a .txt or .lrc file");
		}
		if (bytes.length > MAX_LYRICS_FILE.toBytes()) {
			throw tooLongLyricsFile(field);
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, field, "must be UTF-8 text");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return name.toLowerCase(Locale.ROOT).endsWith(".lrc") ? stripLrcTags(text) : text;
	}

	/**
	 * Removes LRC time tags ({@code [01:23.45]}) and header tags ({@code [ar:…]}): not lyrics. At the start of a
	 * line, white space and the tags that follow it (with the white space after each, line breaks included) go;
	 * a line whose first non-blank character opens no closed tag stays as it is. What the regex
	 * {@code (?m)^\s*(\[[^\]]*\]\s*)+} removed, in one pass: the regex rescanned every run of blank lines from
	 * each of its lines (quadratic, minutes for a file at the size cap).
	 */
	static String stripLrcTags(String text) {
		int length = text.length();
		int lastClose = text.lastIndexOf(']');
		StringBuilder out = new StringBuilder(length);
		int i = 0;
		while (i < length) {
			if (isLineStart(text, i)) {
				int end = skipSpace(text, i);
				int tagsEnd = i;
				// A '[' before the last ']' always has its ']': every tag found here is removed, so each
				// character is looked at a bounded number of times.
				while (end < lastClose && text.charAt(end) == '[') {
					end = skipSpace(text, text.indexOf(']', end + 1) + 1);
					tagsEnd = end;
				}
				if (tagsEnd > i) {
					i = tagsEnd;
					continue;
				}
				// No tag: the white space stays, and the line starts inside it would find the same nothing.
				if (end > i) {
					out.append(text, i, end);
					i = end;
					continue;
				}
			}
			out.append(text.charAt(i++));
		}
		return out.toString();
	}

	/** Where {@code ^} matches in multi-line mode: after any line terminator, not between CR and LF. */
	private static boolean isLineStart(String text, int i) {
		if (i == 0) {
			return true;
		}
		char before = text.charAt(i - 1);
		if (before == '\r') {
			return text.charAt(i) != '\n';
		}
		return before == '\n' || before == '\u0085' || before == '\u2028' || before == '\u2029';
	}

	/** Past the white space {@code \s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
	private static int skipSpace(String text, int i) {
		while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
			i++;
		}
		return i;
	}

	public static ApiException tooLongLyricsFile(String field) {
		return ApiException.forField(ProblemType.VALIDATION_FAILED, field,
				"must be at most " + MAX_LYRICS_FILE.toKilobytes() + " KB");
	}

	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** One 400 naming every field at fault; the first one is the detail. */
	public static ApiException invalid(List<FieldProblem> problems) {
		FieldProblem first = problems.get(0);
		return new ApiException(ProblemType.VALIDATION_FAILED, first.field() + " " + first.detail() + ".", problems);
	}
}
