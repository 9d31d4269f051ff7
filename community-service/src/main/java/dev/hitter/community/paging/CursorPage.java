package dev.hitter.community.paging;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a keyset-paged list: the items, and the cursor that continues after the last of them (null on the last
 * page). Deep pages cost the same as the first: the database seeks to the cursor instead of counting rows past.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

	/**
	 * The page from rows read with one more than {@code size}: the extra row only says that another page exists, and
	 * the cursor is taken from the last row shown.
	 */
	public static <R, T> CursorPage<T> of(List<R> rows, int size, Function<R, T> item, Function<R, Cursor> cursorOf) {
		boolean more = rows.size() > size;
		List<R> shown = more ? rows.subList(0, size) : rows;
		String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
		return new CursorPage<>(shown.stream().map(item).toList(), next);
	}
}
