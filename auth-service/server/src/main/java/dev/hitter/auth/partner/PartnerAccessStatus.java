package dev.hitter.auth.partner;

/** Where a member's partner access stands; {@code NONE}: never asked. */
public enum PartnerAccessStatus {
	NONE, PENDING, APPROVED, REJECTED, REVOKED
}
