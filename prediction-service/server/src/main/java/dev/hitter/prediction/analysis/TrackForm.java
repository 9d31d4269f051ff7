package dev.hitter.prediction.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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

	/** LRC time tags, e.g. {@code [01:23.45]}, and header tags such as {@code [ar:…]}: not lyrics. */
	private static final Pattern LRC_TAGS = Pattern.compile("(?m)^\\s*(\\[[^\\]]*\\]\\s*)+");

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
		return name.toLowerCase(Locale.ROOT).endsWith(".lrc") ? LRC_TAGS.matcher(text).replaceAll("") : text;
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
