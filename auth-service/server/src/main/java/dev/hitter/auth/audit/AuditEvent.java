package dev.hitter.auth.audit;

import java.util.UUID;

/**
 * One security or moderation event for the audit log.
 *
 * @param kind what happened, upper-case with underscores (the constants of {@link AuditKinds}, or a kind another
 *        service sends)
 * @param memberId the member it happened to (null when no member is known, e.g. a failed sign-in for an unknown
 *        address)
 * @param actorId who did it when that is someone else (an administrator, a moderator); null when it is the member
 * @param detail a short human-readable note; never a password, token, code or e-mail address
 */
public record AuditEvent(String kind, UUID memberId, UUID actorId, String detail) {

	public static AuditEvent of(String kind, UUID memberId) {
		return new AuditEvent(kind, memberId, null, null);
	}

	public static AuditEvent of(String kind, UUID memberId, String detail) {
		return new AuditEvent(kind, memberId, null, detail);
	}
}
