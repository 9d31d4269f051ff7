package dev.hitter.auth.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.revocation.Revocations;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/**
 * Partner access (table {@code partner_access_request}): a member with a verified address asks, an administrator
 * approves, rejects or later revokes it. Only approved members own API clients; revoking the access revokes them all.
 */
@Service
public class PartnerAccess {

	private static final Logger log = LoggerFactory.getLogger(PartnerAccess.class);

	static final int QUEUE_LIMIT = 200;

	private static final String SELECT = "SELECT r.member_id, m.email, m.display_name, r.organisation, r.website, "
			+ "r.purpose, r.status, r.requested_at, r.decided_at, r.decision_note FROM partner_access_request r "
			+ "JOIN member m ON m.id = r.member_id ";

	private final JdbcClient jdbc;

	private final MemberRepository members;

	private final PartnerClients clients;

	private final AuditLog auditLog;

	private final Clock clock;

	PartnerAccess(JdbcClient jdbc, MemberRepository members, PartnerClients clients, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.clients = clients;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A member's request as they see it; every field null but the status when they never asked. */
	public record AccessView(PartnerAccessStatus status, String organisation, String website, String purpose,
			Instant requestedAt, Instant decidedAt, String decisionNote) {

		static AccessView none() {
			return new AccessView(PartnerAccessStatus.NONE, null, null, null, null, null, null);
		}
	}

	/** A request as administrators see it in the queue. */
	public record QueueItem(UUID memberId, String email, String displayName, String organisation, String website,
			String purpose, PartnerAccessStatus status, Instant requestedAt, Instant decidedAt, String decisionNote) {

		AccessView view() {
			return new AccessView(status, organisation, website, purpose, requestedAt, decidedAt, decisionNote);
		}
	}

	public record Queue(List<QueueItem> items) {
	}

	public AccessView of(UUID member) {
		return find(member).map(QueueItem::view).orElseGet(AccessView::none);
	}

	/** The status only, for the client endpoints and the token endpoint. */
	public PartnerAccessStatus statusOf(UUID member) {
		return jdbc.sql("SELECT status FROM partner_access_request WHERE member_id = ?")
			.param(member.toString())
			.query(String.class)
			.optional()
			.map(PartnerAccessStatus::valueOf)
			.orElse(PartnerAccessStatus.NONE);
	}

	@Transactional
	public AccessView ask(UUID memberId, PartnerAccessRequest request) {
		MemberAccount member = members.findById(memberId)
			.orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "This account no longer exists."));
		// The database, not the token: a member who has just verified must not need a new token to ask.
		if (!member.emailVerified()) {
			throw new ApiException(ProblemType.EMAIL_UNVERIFIED,
					"Verify your e-mail address first: open the link we mailed you, or ask for a new one.");
		}
		if (!request.websiteIsValid()) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "website", "must be an http or https address");
		}
		PartnerAccessStatus current = statusOf(memberId);
		if (current == PartnerAccessStatus.PENDING || current == PartnerAccessStatus.APPROVED) {
			throw new ApiException(PartnerProblems.PARTNER_ACCESS_EXISTS,
					current == PartnerAccessStatus.PENDING ? "Your request is waiting for an administrator."
							: "You have partner access already.");
		}
		String website = request.website() == null || request.website().isBlank() ? null : request.website().strip();
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("UPDATE partner_access_request SET organisation = ?, website = ?, purpose = ?, "
				+ "status = 'PENDING', requested_at = ?, decided_at = NULL, decision_note = NULL, decided_by = NULL "
				+ "WHERE member_id = ? AND status IN ('REJECTED', 'REVOKED')")
			.params(request.organisation().strip(), website, request.purpose().strip(), now, memberId.toString())
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("INSERT INTO partner_access_request (member_id, organisation, website, purpose, status, "
						+ "requested_at) VALUES (?, ?, ?, ?, 'PENDING', ?)")
					.params(memberId.toString(), request.organisation().strip(), website, request.purpose().strip(), now)
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException twoAtOnce) {
				throw new ApiException(PartnerProblems.PARTNER_ACCESS_EXISTS, "Your request is waiting for an administrator.");
			}
		}
		auditLog.record(AuditEvent.of(AuditKinds.PARTNER_ACCESS_REQUESTED, memberId, request.organisation().strip()));
		return of(memberId);
	}

	/** Requests with the status (all when null), oldest request first: the queue an administrator works through. */
	public Queue queue(PartnerAccessStatus status) {
		List<QueueItem> items = status == null
				? jdbc.sql(SELECT + "ORDER BY r.requested_at, r.member_id LIMIT ?").param(QUEUE_LIMIT).query(this::item).list()
				: jdbc.sql(SELECT + "WHERE r.status = ? ORDER BY r.requested_at, r.member_id LIMIT ?")
					.params(status.name(), QUEUE_LIMIT)
					.query(this::item)
					.list();
		return new Queue(items);
	}

	@Transactional
	public QueueItem approve(UUID administrator, UUID memberId, String note) {
		QueueItem item = require(memberId);
		if (item.status() == PartnerAccessStatus.APPROVED) {
			return item;
		}
		decide(administrator, memberId, PartnerAccessStatus.APPROVED, note);
		auditLog.record(new AuditEvent(AuditKinds.PARTNER_ACCESS_APPROVED, memberId, administrator, note));
		log.info("Administrator {} approved partner access of member {}", administrator, memberId);
		return require(memberId);
	}

	@Transactional
	public QueueItem reject(UUID administrator, UUID memberId, String note) {
		QueueItem item = require(memberId);
		if (item.status() != PartnerAccessStatus.PENDING) {
			throw new ApiException(PartnerProblems.PARTNER_ACCESS_STATE,
					"Only a pending request can be rejected; revoke an approved one.");
		}
		decide(administrator, memberId, PartnerAccessStatus.REJECTED, note);
		auditLog.record(new AuditEvent(AuditKinds.PARTNER_ACCESS_REJECTED, memberId, administrator, note));
		return require(memberId);
	}

	/** Takes partner access away: every client of the member is revoked, its tokens refused within 30 s. */
	@Transactional
	public QueueItem revoke(UUID administrator, UUID memberId, String note) {
		QueueItem item = require(memberId);
		if (item.status() != PartnerAccessStatus.APPROVED) {
			throw new ApiException(PartnerProblems.PARTNER_ACCESS_STATE, "Only approved partner access can be revoked.");
		}
		decide(administrator, memberId, PartnerAccessStatus.REVOKED, note);
		int revoked = clients.revokeAllOf(memberId, Revocations.Reason.CLIENT_REVOKED);
		auditLog.record(new AuditEvent(AuditKinds.PARTNER_ACCESS_REVOKED, memberId, administrator, note));
		log.info("Administrator {} revoked partner access of member {} ({} clients revoked)", administrator, memberId,
				revoked);
		return require(memberId);
	}

	private void decide(UUID administrator, UUID memberId, PartnerAccessStatus status, String note) {
		jdbc.sql("UPDATE partner_access_request SET status = ?, decided_at = ?, decision_note = ?, decided_by = ? "
				+ "WHERE member_id = ?")
			.params(status.name(), Timestamp.from(clock.instant()), note == null || note.isBlank() ? null : note.strip(),
					administrator.toString(), memberId.toString())
			.update();
	}

	private QueueItem require(UUID memberId) {
		return find(memberId)
			.orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "This member has not asked for partner access."));
	}

	private Optional<QueueItem> find(UUID memberId) {
		return jdbc.sql(SELECT + "WHERE r.member_id = ?").param(memberId.toString()).query(this::item).optional();
	}

	private QueueItem item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new QueueItem(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), PartnerAccessStatus.valueOf(rs.getString(7)), instant(rs, 8),
				instant(rs, 9), rs.getString(10));
	}

	private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
