package dev.hitter.auth.password;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.AuthProblems;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.session.MemberSessions;
import dev.hitter.auth.signup.PasswordPolicy;
import dev.hitter.auth.throttle.LoginThrottle;
import dev.hitter.auth.throttle.LoginThrottle.Attempt;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/**
 * A signed-in member changes their password, proving it with the current one; every other login ends (whoever
 * else knew the old password is signed out). Guesses of the current password are throttled like sign-ins: a stolen
 * access token must not become a way to guess the password at full speed.
 */
@Service
public class ChangePassword {

	private static final Logger log = LoggerFactory.getLogger(ChangePassword.class);

	private final MemberRepository members;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final LoginThrottle throttle;

	private final MemberSessions sessions;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditLog audit;

	ChangePassword(MemberRepository members, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			LoginThrottle throttle, MemberSessions sessions, TransactionTemplate transaction, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.throttle = throttle;
		this.sessions = sessions;
		this.transaction = transaction;
		this.clock = clock;
	}

	public void change(UUID memberId, UUID currentSession, PasswordChange change, String clientAddress) {
		MemberAccount account = members.findById(memberId)
			.orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "This account no longer exists."));
		Attempt attempt = throttle.admit(account.email(), clientAddress);
		if (!passwordEncoder.matches(change.currentPassword(), account.passwordHash())) {
			audit.record(AuditEvent.of(AuditKinds.PASSWORD_CHANGE_REFUSED, memberId, "current password wrong"));
			throw ApiException.forField(AuthProblems.CURRENT_PASSWORD_WRONG, "currentPassword", "is wrong");
		}
		throttle.succeeded(attempt);
		policy.check(change.newPassword(), account.email()).ifPresent(rule -> {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "newPassword", rule);
		});
		if (change.newPassword().equals(change.currentPassword())) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "newPassword",
					"must differ from the current password");
		}
		String hash = passwordEncoder.encode(change.newPassword());
		transaction.executeWithoutResult(status -> {
			members.findById(memberId).orElseThrow().changePasswordHash(hash, clock.instant());
			int revoked = sessions.endAllBut(memberId, currentSession);
			audit.record(AuditEvent.of(AuditKinds.PASSWORD_CHANGED, memberId,
					"other sessions ended (" + revoked + " refresh token(s))"));
			log.info("Member {} changed their password; {} refresh token(s) of other sessions revoked", memberId,
					revoked);
		});
	}
}
