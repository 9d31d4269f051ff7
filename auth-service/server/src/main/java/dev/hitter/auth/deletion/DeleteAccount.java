package dev.hitter.auth.deletion;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.AuthProblems;
import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.community.CommunityMemberEvents;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.partner.PartnerClients;
import dev.hitter.auth.prediction.PredictionMemberEvents;
import dev.hitter.auth.revocation.Revocations;
import dev.hitter.auth.throttle.LoginThrottle;
import dev.hitter.auth.throttle.LoginThrottle.Attempt;
import dev.hitter.auth.twofactor.SecondFactorCheck;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.revocation.RevokedMembers;

/**
 * A member deletes their own account. After re-authentication (password, and the second factor when it is on), ONE
 * transaction deletes the member row (sessions, mail links, recovery codes and roles go with it by foreign key),
 * leaves a tombstone (id and time only), records that every token of theirs is refused, and enqueues the erasure at
 * prediction-service and the anonymisation at community-service in the outbox: all of it, or none of it.
 */
@Service
public class DeleteAccount {

	private static final Logger log = LoggerFactory.getLogger(DeleteAccount.class);

	private final MemberRepository members;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final SecondFactorCheck secondFactor;

	private final Revocations revocations;

	private final PredictionMemberEvents prediction;

	private final CommunityMemberEvents community;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final RevokedMembers revokedMembers;

	private final AuditLog auditLog;

	private final PartnerClients partnerClients;

	DeleteAccount(MemberRepository members, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			SecondFactorCheck secondFactor, Revocations revocations, PredictionMemberEvents prediction,
			CommunityMemberEvents community, JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
			RevokedMembers revokedMembers, AuditLog auditLog, PartnerClients partnerClients) {
		this.auditLog = auditLog;
		this.partnerClients = partnerClients;
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.secondFactor = secondFactor;
		this.revocations = revocations;
		this.prediction = prediction;
		this.community = community;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.revokedMembers = revokedMembers;
	}

	public void delete(UUID memberId, AccountDeletion request, String clientAddress) {
		MemberAccount account = members.findById(memberId)
			.orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "This account no longer exists."));
		// Guesses with a stolen access token are throttled like sign-ins.
		Attempt attempt = throttle.admit(account.email(), clientAddress);
		if (!passwordEncoder.matches(request.currentPassword(), account.passwordHash())) {
			throw ApiException.forField(AuthProblems.CURRENT_PASSWORD_WRONG, "currentPassword", "is wrong");
		}
		// The code is checked (and used up) only after the right password: a wrong password must not burn a code.
		if (secondFactor.isEnabled(memberId) && !secondFactor.use(memberId, request.code())) {
			throw ApiException.forField(AuthProblems.SECOND_FACTOR_WRONG, "code",
					request.code() == null ? "is required: two-factor sign-in is on"
							: "is wrong or was used already");
		}
		throttle.succeeded(attempt);
		transaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			// Each client in the feed before its row goes with the member's (a reader that knows clients refuses them
			// by id too); the member's own refusal below covers their tokens anyway.
			partnerClients.revokeAllOf(memberId, Revocations.Reason.CLIENT_REVOKED);
			members.delete(members.findById(memberId).orElseThrow());
			members.flush();
			jdbc.sql("INSERT INTO member_tombstone (member_id, deleted_at) VALUES (?, ?)")
				.params(memberId.toString(), Timestamp.from(now))
				.update();
			revocations.refuseAll(memberId, Revocations.Reason.DELETED);
			prediction.erase(memberId);
			community.anonymise(memberId);
			// In the deletion's transaction; the audit table keeps no foreign key to the member, so the record stays.
			auditLog.record(new AuditEvent(AuditKinds.ACCOUNT_DELETED, memberId, memberId, null));
		});
		// This replica refuses the member's tokens at once; the others within their poll of the feed.
		revokedMembers.apply(memberId, null);
		log.info("Member {} deleted their account; erasure and anonymisation enqueued", memberId);
	}
}
