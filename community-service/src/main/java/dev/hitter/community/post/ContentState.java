package dev.hitter.community.post;

/**
 * Where an administrator left a post or comment. Only {@code VISIBLE} content appears in lists, search and to
 * members; {@code HIDDEN} can be restored, {@code REMOVED} is final.
 */
public enum ContentState {
	VISIBLE, HIDDEN, REMOVED
}
