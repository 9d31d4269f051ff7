package dev.hitter.auth.twofactor;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.AuthProblems;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.throttle.LoginThrottle;
import dev.hitter.auth.throttle.LoginThrottle.Attempt;
import dev.hitter.kit.problem.ApiException;

/**
 * The second step of a sign-in with two-factor on. The password step answers a challenge instead of tokens:
 * random, stored only as its SHA-256, valid for {@code HITTER_TWO_FACTOR_CHALLENGE_TTL}, used once, and spent after
 * {@code challengeMaxFailures} wrong codes. Every code tried is charged to the login throttle of the member's e-mail
 * and the client's address, so guessing codes through fresh challenges slows down like guessing passwords.
 */
@Service
public class TwoFactorChallenges {

	private static final Logger log = LoggerFactory.getLogger(TwoFactorChallenges.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TwoFactorStore store;

	private final SecondFactor secondFactor;

	private final MemberRepository members;

	private final LoginThrottle throttle;

	private final TwoFactorProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditLog audit;

	TwoFactorChallenges(TwoFactorStore store, SecondFactor secondFactor, MemberRepository members,
			LoginThrottle throttle, TwoFactorProperties properties, TransactionTemplate transaction, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.store = store;
		this.secondFactor = secondFactor;
		this.members = members;
		this.throttle = throttle;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** A challenge for a member whose password was right, when they have two-factor on. */
	public Optional<IssuedChallenge> challengeIfEnabled(MemberAccount account, String userAgent) {
		if (store.state(account.id()).map(TwoFactorStore.TotpState::enabled).orElse(false)) {
			byte[] bytes = new byte[32];
			RANDOM.nextBytes(bytes);
			String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			Instant now = clock.instant();
			store.createChallenge(Hashes.sha256(challenge), account.id(), now, now.plus(properties.challengeTtl()),
					userAgent);
			return Optional.of(new IssuedChallenge(challenge, properties.challengeTtl()));
		}
		return Optional.empty();
	}

	/**
	 * Checks the second step and uses up the challenge and the code.
	 *
	 * @return the member now signed in, and the device the first step came from
	 * @throws ApiException {@code invalid-two-factor-challenge}, {@code invalid-two-factor-code} or
	 *         {@code login-throttled}
	 */
	public Completed complete(TwoFactorRequests.SignIn request, String clientAddress) {
		String hash = Hashes.sha256(request.challenge());
		int maxFailures = properties.challengeMaxFailures();
		TwoFactorStore.Challenge challenge = store.openChallenge(hash, clock.instant(), maxFailures)
			.orElseThrow(TwoFactorChallenges::challengeGone);
		MemberAccount account = members.findById(challenge.memberId()).orElseThrow(TwoFactorChallenges::challengeGone);
		Attempt attempt;
		try {
			attempt = throttle.admit(account.email(), clientAddress);
		}
		catch (ApiException throttled) {
			audit.record(AuditEvent.of(AuditKinds.LOGIN_THROTTLED, account.id(), "two-factor code"));
			throw throttled;
		}
		Outcome outcome = transaction.execute(status -> {
			TwoFactorStore.TotpState state = store.state(account.id()).orElse(null);
			if (state == null || !state.enabled()) {
				return Outcome.CHALLENGE_GONE;
			}
			boolean right = request.code() != null ? secondFactor.useCode(account.id(), state.secret(), request.code())
					: secondFactor.useRecoveryCode(account.id(), request.recoveryCode());
			if (!right) {
				return Outcome.WRONG_CODE;
			}
			if (!store.useChallenge(hash, clock.instant(), maxFailures)) {
				// Another request used it first: roll back this one's use of the code.
				status.setRollbackOnly();
				return Outcome.CHALLENGE_GONE;
			}
			return Outcome.SIGNED_IN;
		});
		switch (outcome) {
			case WRONG_CODE -> {
				store.failChallenge(hash);
				audit.record(AuditEvent.of(AuditKinds.TWO_FACTOR_CODE_FAILED, account.id(),
						request.recoveryCode() != null ? "recovery code" : "authenticator code"));
				throw new ApiException(AuthProblems.INVALID_TWO_FACTOR_CODE,
						"The code is wrong or was used already.");
			}
			case CHALLENGE_GONE -> throw challengeGone();
			default -> {
			}
		}
		throttle.succeeded(attempt);
		if (request.recoveryCode() != null) {
			log.info("Member {} signed in with a recovery code; {} left", account.id(),
					store.recoveryCodesLeft(account.id()));
		}
		return new Completed(account, challenge.userAgent());
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
	void forgetOldChallenges() {
		store.forgetChallengesBefore(clock.instant().minus(Duration.ofDays(1)));
	}

	private static ApiException challengeGone() {
		return new ApiException(AuthProblems.INVALID_TWO_FACTOR_CHALLENGE,
				"This sign-in has expired or was used; sign in again with your password.");
	}

	private enum Outcome {
		SIGNED_IN, WRONG_CODE, CHALLENGE_GONE
	}

	/** A challenge handed to the client, and how long it lives. */
	public record IssuedChallenge(String value, Duration ttl) {
	}

	/** A finished second step: who signed in, from which device. */
	public record Completed(MemberAccount account, String userAgent) {
	}
}
