package dev.hitter.community.notification;

/** Why a member is told something happened. */
public enum NotificationKind {
	/** Someone commented on the member's post. */
	COMMENT,
	/** Someone replied to the member's comment. */
	REPLY,
	/** Someone liked the member's post. */
	POST_LIKE,
	/** Someone liked the member's shared analysis (raised by prediction-service through its outbox). */
	ANALYSIS_LIKE
}
