package dev.hitter.auth.audit;

/** The kinds auth-service records itself; other services' moderation kinds arrive with their events. */
public final class AuditKinds {

	public static final String SIGNED_UP = "SIGNED_UP";

	public static final String EMAIL_VERIFIED = "EMAIL_VERIFIED";

	public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";

	public static final String LOGIN_FAILED = "LOGIN_FAILED";

	public static final String LOGIN_THROTTLED = "LOGIN_THROTTLED";

	public static final String LOGGED_OUT = "LOGGED_OUT";

	public static final String TWO_FACTOR_CODE_FAILED = "TWO_FACTOR_CODE_FAILED";

	public static final String TWO_FACTOR_ENABLED = "TWO_FACTOR_ENABLED";

	public static final String TWO_FACTOR_DISABLED = "TWO_FACTOR_DISABLED";

	public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";

	public static final String PASSWORD_CHANGE_REFUSED = "PASSWORD_CHANGE_REFUSED";

	public static final String PASSWORD_RESET = "PASSWORD_RESET";

	public static final String EMAIL_CHANGED = "EMAIL_CHANGED";

	public static final String SESSION_ENDED = "SESSION_ENDED";

	public static final String ROLE_CHANGED = "ROLE_CHANGED";

	public static final String ACCOUNT_DELETED = "ACCOUNT_DELETED";

	public static final String MEMBER_SUSPENDED = "MEMBER_SUSPENDED";

	public static final String MEMBER_REINSTATED = "MEMBER_REINSTATED";

	// Issue 14, partner access (docs/partner-api.md). Details name the client id, never a secret.

	public static final String PARTNER_ACCESS_REQUESTED = "PARTNER_ACCESS_REQUESTED";

	public static final String PARTNER_ACCESS_APPROVED = "PARTNER_ACCESS_APPROVED";

	public static final String PARTNER_ACCESS_REJECTED = "PARTNER_ACCESS_REJECTED";

	public static final String PARTNER_ACCESS_REVOKED = "PARTNER_ACCESS_REVOKED";

	public static final String PARTNER_CLIENT_CREATED = "PARTNER_CLIENT_CREATED";

	public static final String PARTNER_CLIENT_SECRET_ROTATED = "PARTNER_CLIENT_SECRET_ROTATED";

	public static final String PARTNER_CLIENT_REVOKED = "PARTNER_CLIENT_REVOKED";

	private AuditKinds() {
	}
}
