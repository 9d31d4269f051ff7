package dev.hitter.community.post;

import java.util.Locale;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/**
 * The orders of the board, each a keyset over an index: newest first; most liked or most commented first, ties
 * newest first. Counts move while a reader pages, so a post whose likes change may move between pages; no post is
 * shown twice on one page, and no deep page costs more than the first.
 */
public enum PostSort {

	NEWEST(null), LIKES("likes"), COMMENTS("comments");

	/** The counter column the order starts with; null for newest. */
	final String column;

	PostSort(String column) {
		this.column = column;
	}

	static PostSort parse(String value) {
		if (value == null || value.isBlank()) {
			return NEWEST;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "newest" -> NEWEST;
			case "likes" -> LIKES;
			case "comments" -> COMMENTS;
			default -> throw ApiException.forField(ProblemType.VALIDATION_FAILED, "sort",
					"must be newest, likes or comments");
		};
	}

	String cursorKind() {
		return "posts-" + name().toLowerCase(Locale.ROOT);
	}
}
