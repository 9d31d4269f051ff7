package dev.hitter.auth.suspension;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.hitter.auth.AuthProblems;
import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.partner.PartnerClients;
import dev.hitter.auth.revocation.Revocations;
import dev.hitter.auth.session.MemberSessions;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.revocation.RevokedMembers;

/**
 * An administrator suspends a member (no sign-in, every session ended, every access token refused) and reinstates
 * them (tokens issued from then on are accepted again; the old ones stay refused).
 */
@Service
public class MemberSuspension {

	private static final Logger log = LoggerFactory.getLogger(MemberSuspension.class);

	private final MemberRepository members;

	private final MemberSessions sessions;

	private final Revocations revocations;

	private final RevokedMembers revokedMembers;

	private final Clock clock;

	private final AuditLog auditLog;

	private final PartnerClients partnerClients;

	MemberSuspension(MemberRepository members, MemberSessions sessions, Revocations revocations,
			RevokedMembers revokedMembers, Clock clock, AuditLog auditLog, PartnerClients partnerClients) {
		this.auditLog = auditLog;
		this.partnerClients = partnerClients;
		this.members = members;
		this.sessions = sessions;
		this.revocations = revocations;
		this.revokedMembers = revokedMembers;
		this.clock = clock;
	}

	@Transactional
	public void suspend(UUID administrator, UUID memberId, String reason) {
		if (administrator.equals(memberId)) {
			throw new ApiException(AuthProblems.CANNOT_SUSPEND_SELF, "You cannot suspend yourself.");
		}
		MemberAccount member = find(memberId);
		Instant now = clock.instant();
		member.suspend(reason, now);
		sessions.endAllBut(memberId, null);
		revocations.refuseAll(memberId, Revocations.Reason.SUSPENDED);
		// The member's tokens cover their clients' too (same sub), but a reinstatement must not bring the clients
		// back: an administrator approves again, and the partner creates new ones (docs/partner-api.md).
		partnerClients.revokeAllOf(memberId, Revocations.Reason.CLIENT_REVOKED);
		auditLog.record(new AuditEvent(AuditKinds.MEMBER_SUSPENDED, memberId, administrator, reason));
		afterCommit(() -> revokedMembers.apply(memberId, null));
		log.info("Administrator {} suspended member {}", administrator, memberId);
	}

	@Transactional
	public void reinstate(UUID administrator, UUID memberId) {
		MemberAccount member = find(memberId);
		if (!member.suspended()) {
			return;
		}
		Instant now = clock.instant();
		// Refused stay the tokens issued before the suspension (none were issued during it): the second after it
		// began, as tokens carry whole seconds. Not the reinstatement's time: a member signing in within that same
		// second would get a token refused at once and be sent back to the sign-in page (seen in admin.spec).
		Instant notBefore = revocations.refuseIssuedBefore(memberId,
				member.suspendedAt().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), Revocations.Reason.REINSTATED);
		member.reinstate(now);
		auditLog.record(new AuditEvent(AuditKinds.MEMBER_REINSTATED, memberId, administrator, null));
		afterCommit(() -> revokedMembers.apply(memberId, notBefore));
		log.info("Administrator {} reinstated member {}", administrator, memberId);
	}

	private MemberAccount find(UUID memberId) {
		return members.findById(memberId).orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "No such member."));
	}

	private static void afterCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}
}
