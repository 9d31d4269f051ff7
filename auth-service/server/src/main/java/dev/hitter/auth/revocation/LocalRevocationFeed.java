package dev.hitter.auth.revocation;

import org.springframework.stereotype.Component;

import dev.hitter.kit.revocation.RevocationFeed;

/** auth-service follows the revocations from its own database instead of asking itself over HTTP. */
@Component
class LocalRevocationFeed implements RevocationFeed {

	static final int PAGE = 500;

	private final Revocations revocations;

	LocalRevocationFeed(Revocations revocations) {
		this.revocations = revocations;
	}

	@Override
	public Page after(long cursor) {
		Revocations.Feed feed = revocations.after(cursor, PAGE);
		return new Page(feed.items().stream()
			.map(item -> new Item(item.memberId(), item.notBefore(), item.clientId()))
			.toList(), feed.cursor(), feed.more());
	}
}
