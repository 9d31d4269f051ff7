package dev.hitter.auth.mail;

/** One plain-text mail to one address. */
public record OutgoingMail(String to, String subject, String text) {

	@Override
	public String toString() {
		// The text may hold a link that signs its holder in: never in a log line.
		return "OutgoingMail[to=" + to + ", subject=" + subject + "]";
	}
}
