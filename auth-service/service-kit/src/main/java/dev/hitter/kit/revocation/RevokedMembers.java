package dev.hitter.kit.revocation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The members whose access tokens this process refuses, as learnt from auth-service's revocation feed: every token of
 * a deleted or suspended member, only those issued before the reinstatement of a reinstated one. Tokens are checked
 * against it on every request ({@link RevocationValidator}); the {@link RevocationPoller} keeps it current.
 */
public final class RevokedMembers {

	// Instant.MAX: every token, for ever.
	private final Map<UUID, Instant> notBefore = new ConcurrentHashMap<>();

	// Partner clients, the same way: a revoked client for ever, a rotated one before the rotation.
	private final Map<String, Instant> clientNotBefore = new ConcurrentHashMap<>();

	private volatile long cursor;

	/** Applies one item of the feed: about a partner client when it names one, about the member otherwise. */
	public void apply(RevocationFeed.Item item) {
		if (item.clientId() != null) {
			clientNotBefore.put(item.clientId(), item.notBefore() == null ? Instant.MAX : item.notBefore());
		}
		else {
			apply(item.memberId(), item.notBefore());
		}
	}

	/** Whether a token of this partner client issued at that time (null: unknown) is refused. */
	public boolean refusesClient(String clientId, Instant issuedAt) {
		Instant limit = clientNotBefore.get(clientId);
		if (limit == null) {
			return false;
		}
		return limit.equals(Instant.MAX) || issuedAt == null || issuedAt.isBefore(limit);
	}

	/** Applies one decision of the feed; {@code null}: every token of the member is refused. */
	public void apply(UUID member, Instant issuedNotBefore) {
		notBefore.put(member, issuedNotBefore == null ? Instant.MAX : issuedNotBefore);
	}

	/** Whether a token of this member issued at that time (null: unknown) is refused. */
	public boolean refuses(UUID member, Instant issuedAt) {
		Instant limit = notBefore.get(member);
		if (limit == null) {
			return false;
		}
		return limit.equals(Instant.MAX) || issuedAt == null || issuedAt.isBefore(limit);
	}

	public long cursor() {
		return cursor;
	}

	void advanceTo(long next) {
		cursor = Math.max(cursor, next);
	}
}
