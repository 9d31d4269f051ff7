package dev.hitter.community.post;

/** What a post is about; the board's filters. */
public enum Category {

	FEEDBACK, INDUSTRY_NEWS, QA, FREE_TALK;

	/** For Bean Validation of a category given as text: an unknown one is the client's field error, not a 400 of JSON. */
	public static final String PATTERN = "FEEDBACK|INDUSTRY_NEWS|QA|FREE_TALK";

	public static final String MESSAGE = "must be FEEDBACK, INDUSTRY_NEWS, QA or FREE_TALK";
}
