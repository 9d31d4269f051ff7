package dev.hitter.kit.revocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** auth-service's revocation decisions after a cursor, oldest first (docs/identity.md "Revoked members"). */
public interface RevocationFeed {

	Page after(long cursor) throws Exception;

	/** {@code more}: the page was full; ask again at once. */
	record Page(List<Item> items, long cursor, boolean more) {
	}

	/**
	 * {@code notBefore} null: every token of the member is refused — or, when {@code clientId} is set, every token of
	 * that partner client (revoked); a time: tokens issued before it (reinstated member, client secret rotated).
	 */
	record Item(UUID memberId, Instant notBefore, String clientId) {

		public Item(UUID memberId, Instant notBefore) {
			this(memberId, notBefore, null);
		}
	}
}
