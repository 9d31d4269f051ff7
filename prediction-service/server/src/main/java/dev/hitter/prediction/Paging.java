package dev.hitter.prediction;

import java.util.ArrayList;
import java.util.List;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.problem.ProblemType;

/**
 * The one paging check every list uses: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}, and no
 * page past {@value #MAX_OFFSET} rows. Without the last bound a huge page overflowed the row offset (an int for
 * the database layer) and answered 500; no member has that many rows, and deep offsets only cost the database.
 */
public record Paging(int page, int size) {

	public static final int MAX_SIZE = 100;

	/** The deepest row a page may start at. */
	public static final long MAX_OFFSET = 1_000_000;

	/** The paging, or a 400 naming each field at fault. */
	public static Paging of(int page, int size) {
		List<FieldProblem> problems = new ArrayList<>();
		Paging paging = check(page, size, problems);
		if (!problems.isEmpty()) {
			FieldProblem first = problems.get(0);
			throw new ApiException(ProblemType.VALIDATION_FAILED, first.field() + " " + first.detail() + ".",
					problems);
		}
		return paging;
	}

	/**
	 * The paging, with a problem added per field at fault, for lists that check more parameters and answer them all
	 * at once (then the paging must not be used).
	 */
	public static Paging check(int page, int size, List<FieldProblem> problems) {
		boolean sizeFits = size >= 1 && size <= MAX_SIZE;
		if (page < 0) {
			problems.add(new FieldProblem("page", "must be 0 or more"));
		}
		else if ((long) page * (sizeFits ? size : 1) > MAX_OFFSET) {
			problems.add(new FieldProblem("page", "must be at most " + MAX_OFFSET / (sizeFits ? size : 1)
					+ (sizeFits ? " for size " + size : "") + " (no list goes deeper than " + MAX_OFFSET + " rows)"));
		}
		if (!sizeFits) {
			problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
		}
		return new Paging(page, size);
	}

	/** The first row of the page; fits an int once {@link #check} found no problem. */
	public int offset() {
		return Math.toIntExact((long) page * size);
	}
}
