package dev.hitter.prediction.publication;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Listening tickets: an {@code <audio>} element cannot send a bearer token, so a signed-in member first asks for a
 * ticket and the player plays {@code …/audio?ticket=…}. A ticket names its member and whether they are an
 * administrator, is valid for one analysis only and for {@link PublicationProperties#ticketLifetime()}, and is
 * signed (HMAC-SHA256) with a key every replica shares: made once by the first replica, kept in the database.
 */
@Component
class AudioTickets {

	/** Who a valid ticket was issued to. */
	record Holder(UUID member, boolean admin) {
	}

	/** A ticket and when it stops working. */
	record Ticket(String value, Instant expiresAt) {
	}

	/** Far longer than any ticket this class makes: a bound on what is parsed at all. */
	private static final int MAX_LENGTH = 200;

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final JdbcClient jdbc;

	private final PublicationProperties properties;

	private final Clock clock = Clock.systemUTC();

	private volatile byte[] key;

	AudioTickets(JdbcClient jdbc, PublicationProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	Ticket issue(UUID prediction, UUID member, boolean admin) {
		Instant expires = clock.instant().plus(properties.ticketLifetime());
		String body = member + "." + (admin ? "a" : "m") + "." + expires.getEpochSecond();
		return new Ticket(body + "." + sign(prediction, body), Instant.ofEpochSecond(expires.getEpochSecond()));
	}

	/** The ticket's holder, if it is well formed, signed by us for this analysis and not expired. */
	Optional<Holder> verify(String ticket, UUID prediction) {
		if (ticket == null || ticket.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		int lastDot = ticket.lastIndexOf('.');
		if (lastDot < 0) {
			return Optional.empty();
		}
		String body = ticket.substring(0, lastDot);
		byte[] expected = sign(prediction, body).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, ticket.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		// Signed by us, so well formed; checked anyway, as a bad parse must never become a 500.
		String[] parts = body.split("\\.");
		try {
			if (parts.length != 3 || Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(clock.instant())) {
				return Optional.empty();
			}
			return Optional.of(new Holder(UUID.fromString(parts[0]), parts[1].equals("a")));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private String sign(UUID prediction, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return BASE64.encodeToString(mac.doFinal((prediction + "|" + body).getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

	/** Read on first use rather than at start-up: the schema's migrations have run by then. */
	private byte[] key() {
		byte[] known = key;
		if (known == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			// Whichever replica comes first makes the key; the others keep theirs out and read the first one's.
			jdbc.sql("INSERT INTO audio_ticket_key (id, secret) VALUES (1, ?) ON DUPLICATE KEY UPDATE id = id")
				.param(Base64.getEncoder().encodeToString(fresh))
				.update();
			known = Base64.getDecoder()
				.decode(jdbc.sql("SELECT secret FROM audio_ticket_key WHERE id = 1").query(String.class).single());
			key = known;
		}
		return known;
	}
}
