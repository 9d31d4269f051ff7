package dev.hitter.community.paging;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/** The one page-size check every community list uses: 1 to {@value #MAX}. */
public final class PageSize {

	public static final int MAX = 100;

	private PageSize() {
	}

	public static int checked(int size) {
		if (size < 1 || size > MAX) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "size", "must be between 1 and " + MAX);
		}
		return size;
	}
}
