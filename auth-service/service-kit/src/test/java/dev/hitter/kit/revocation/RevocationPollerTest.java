package dev.hitter.kit.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The poller follows the feed page by page into the list, and the validator refuses what the list says. */
class RevocationPollerTest {

	private final UUID deleted = UUID.randomUUID();

	private final UUID reinstated = UUID.randomUUID();

	private final Instant reinstatedAt = Instant.parse("2026-12-07T12:00:00Z");

	@Test
	void followsEveryPageAndRefusesDeletedMembersAndTokensFromBeforeAReinstatement() {
		List<Long> asked = new ArrayList<>();
		RevocationFeed feed = cursor -> {
			asked.add(cursor);
			return cursor == 0
					? new RevocationFeed.Page(List.of(new RevocationFeed.Item(deleted, null),
							new RevocationFeed.Item(reinstated, null)), 2, true)
					: new RevocationFeed.Page(List.of(new RevocationFeed.Item(reinstated, reinstatedAt)), 3, false);
		};
		RevokedMembers revoked = new RevokedMembers();
		new RevocationPoller(feed, revoked, Duration.ofSeconds(10)).poll();

		assertThat(asked).containsExactly(0L, 2L);
		assertThat(revoked.cursor()).isEqualTo(3);
		RevocationValidator validator = new RevocationValidator(revoked);
		assertThat(validator.validate(token(deleted.toString(), Instant.now())).hasErrors()).isTrue();
		assertThat(validator.validate(token(reinstated.toString(), reinstatedAt.minusSeconds(1))).hasErrors()).isTrue();
		assertThat(validator.validate(token(reinstated.toString(), reinstatedAt)).hasErrors()).isFalse();
		assertThat(validator.validate(token(UUID.randomUUID().toString(), Instant.now())).hasErrors()).isFalse();
		assertThat(validator.validate(token("service:gateway", Instant.now())).hasErrors()).isFalse();
	}

	@Test
	void aFeedThatFailsKeepsWhatWasLearntAndTheNextPollCatchesUp() {
		RevokedMembers revoked = new RevokedMembers();
		boolean[] down = { false };
		RevocationFeed feed = cursor -> {
			if (down[0]) {
				throw new IllegalStateException("auth-service is down");
			}
			return cursor == 0 ? new RevocationFeed.Page(List.of(new RevocationFeed.Item(deleted, null)), 1, false)
					: new RevocationFeed.Page(List.of(new RevocationFeed.Item(reinstated, null)), 2, false);
		};
		RevocationPoller poller = new RevocationPoller(feed, revoked, Duration.ofSeconds(10));
		poller.poll();
		down[0] = true;
		poller.poll();
		assertThat(revoked.refuses(deleted, Instant.now())).isTrue();
		assertThat(revoked.cursor()).isEqualTo(1);
		down[0] = false;
		poller.poll();
		assertThat(revoked.refuses(reinstated, Instant.now())).isTrue();
	}

	@Test
	void refusesARevokedClientsTokensAndARotatedClientsOlderOnesButNotTheMembersOwn() {
		UUID owner = UUID.randomUUID();
		Instant rotatedAt = Instant.parse("2026-12-07T15:00:00Z");
		RevocationFeed feed = cursor -> cursor == 0
				? new RevocationFeed.Page(List.of(new RevocationFeed.Item(owner, null, "hc_revoked"),
						new RevocationFeed.Item(owner, rotatedAt, "hc_rotated")), 2, false)
				: new RevocationFeed.Page(List.of(), 2, false);
		RevokedMembers revoked = new RevokedMembers();
		new RevocationPoller(feed, revoked, Duration.ofSeconds(10)).poll();

		RevocationValidator validator = new RevocationValidator(revoked);
		assertThat(validator.validate(clientToken(owner, "hc_revoked", Instant.now())).hasErrors()).isTrue();
		assertThat(validator.validate(clientToken(owner, "hc_rotated", rotatedAt.minusSeconds(1))).hasErrors()).isTrue();
		assertThat(validator.validate(clientToken(owner, "hc_rotated", rotatedAt)).hasErrors()).isFalse();
		assertThat(validator.validate(clientToken(owner, "hc_other", Instant.now())).hasErrors()).isFalse();
		// The items were about clients: the member's own sign-in is untouched.
		assertThat(validator.validate(token(owner.toString(), Instant.now())).hasErrors()).isFalse();
	}

	private static Jwt clientToken(UUID owner, String clientId, Instant issuedAt) {
		return new Jwt("t", issuedAt, issuedAt.plusSeconds(600), Map.of("alg", "RS256"),
				Map.of("sub", owner.toString(), "iat", issuedAt, "client_id", clientId));
	}

	private static Jwt token(String subject, Instant issuedAt) {
		return new Jwt("t", issuedAt, issuedAt.plusSeconds(900), Map.of("alg", "RS256"),
				Map.of("sub", subject, "iat", issuedAt));
	}
}
