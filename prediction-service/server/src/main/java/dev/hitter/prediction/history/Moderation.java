package dev.hitter.prediction.history;

/** An administrator's decision about a leaderboard entry. */
public enum Moderation {

	/** Off the leaderboard and out of sight for everyone but its owner (and administrators); nothing deleted. */
	HIDDEN,

	/** Hidden, its published audio and lyrics deleted, and publishing refused until an administrator restores it. */
	REMOVED
}
