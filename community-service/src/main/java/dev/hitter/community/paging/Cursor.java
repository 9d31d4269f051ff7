package dev.hitter.community.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/**
 * Where a keyset-paged list continues: the sort values of the last row shown, opaque to clients (base64url). A
 * cursor of the wrong shape, kind or content is the client's fault: 400 naming {@code cursor}, never a 500.
 *
 * @param kind which list and order the cursor belongs to, so that a cursor of one order is refused by another
 * @param values the last row's sort values, in order
 */
public record Cursor(String kind, List<String> values) {

	private static final String VERSION = "c1";

	private static final int MAX_LENGTH = 512;

	public static Cursor of(String kind, Object... values) {
		return new Cursor(kind, Arrays.stream(values).map(Cursor::text).toList());
	}

	public String encode() {
		String plain = VERSION + "\n" + kind + "\n" + String.join("\n", values);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/** The cursor a client sent back, or null for the first page; refused unless it is of {@code kind}. */
	public static Cursor decode(String encoded, String kind, int valueCount) {
		if (encoded == null || encoded.isEmpty()) {
			return null;
		}
		try {
			if (encoded.length() > MAX_LENGTH) {
				throw invalid();
			}
			String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
			String[] parts = plain.split("\n", -1);
			if (parts.length != valueCount + 2 || !parts[0].equals(VERSION) || !parts[1].equals(kind)) {
				throw invalid();
			}
			return new Cursor(kind, List.of(parts).subList(2, parts.length));
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	public long longAt(int index) {
		try {
			return Long.parseLong(values.get(index));
		}
		catch (NumberFormatException ex) {
			throw invalid();
		}
	}

	public Instant instantAt(int index) {
		try {
			return Instant.parse(values.get(index));
		}
		catch (RuntimeException ex) {
			throw invalid();
		}
	}

	public UUID uuidAt(int index) {
		try {
			return UUID.fromString(values.get(index));
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	private static String text(Object value) {
		return String.valueOf(value);
	}

	private static ApiException invalid() {
		return ApiException.forField(ProblemType.VALIDATION_FAILED, "cursor",
				"is not a cursor this list gave out (start again without one)");
	}
}
