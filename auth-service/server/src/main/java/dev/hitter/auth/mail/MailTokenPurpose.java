package dev.hitter.auth.mail;

/** What a mailed link does; a token is good for its own purpose only. */
public enum MailTokenPurpose {
	VERIFY_EMAIL, RESET_PASSWORD, CHANGE_EMAIL
}
