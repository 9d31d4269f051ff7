package dev.hitter.auth.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.hitter.auth.AuthProblems;
import dev.hitter.kit.problem.ApiException;

/**
 * The tokens of mailed links: 256 random bits, only their SHA-256 stored, single-use, short-lived. Every way a
 * token can be wrong — unknown, spent, expired, of another purpose, garbage — is refused with the same
 * {@code invalid-link} answer, so that guessing learns nothing.
 */
@Service
public class MailTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MailTokenRepository tokens;

	private final Clock clock;

	MailTokens(MailTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/** A new link's token for the member, sent to {@code email}; earlier ones of the purpose stop working. */
	@Transactional(propagation = Propagation.REQUIRED)
	public String issue(UUID memberId, MailTokenPurpose purpose, String email, Duration ttl) {
		Instant now = clock.instant();
		tokens.supersede(memberId, purpose, now);
		String token = newToken();
		tokens.save(new MailToken(memberId, purpose, hash(token), email, now, now.plus(ttl)));
		return token;
	}

	/** The usable token of this purpose, without spending it (to check a form before the link is used up). */
	@Transactional(readOnly = true)
	public MailToken peek(String token, MailTokenPurpose purpose) {
		return usable(tokens.findByTokenHash(hash(token)), purpose);
	}

	/** Spends the token: the caller's transaction holds its row until it commits, so it is spent only once. */
	@Transactional(propagation = Propagation.MANDATORY)
	public MailToken spend(String token, MailTokenPurpose purpose) {
		MailToken found = usable(tokens.lockByTokenHash(hash(token)), purpose);
		found.spend(clock.instant());
		return found;
	}

	// Spent and expired rows prove nothing after a day; keep the table small.
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public void purge() {
		tokens.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
	}

	private MailToken usable(Optional<MailToken> found, MailTokenPurpose purpose) {
		Instant now = clock.instant();
		return found.filter(token -> token.purpose() == purpose && token.isUsableAt(now))
			.orElseThrow(MailTokens::invalidLink);
	}

	public static ApiException invalidLink() {
		return new ApiException(AuthProblems.INVALID_LINK,
				"This link is not valid: it may have expired or been used already. Ask for a new one.");
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
