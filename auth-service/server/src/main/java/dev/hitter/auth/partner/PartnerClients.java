package dev.hitter.auth.partner;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.mail.MailProperties;
import dev.hitter.auth.revocation.Revocations;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/**
 * A partner's API clients (table {@code partner_client}): created with a secret shown once, rotated, revoked. Every
 * revocation and rotation goes into the revocation feed, so that the gateway and every service refuse the client's
 * tokens (all of them, or those issued before the rotation) within 30 seconds.
 */
@Service
public class PartnerClients {

	private static final Logger log = LoggerFactory.getLogger(PartnerClients.class);

	public static final String TOKEN_PATH = "/api/v1/auth/oauth2/token";

	// lastTokenAt is for the owner's list ("used 3 minutes ago"): one write a minute per client is plenty, and a
	// busy tool fetching tokens often must not turn the token endpoint into a stream of row updates.
	private static final Duration LAST_TOKEN_PRECISION = Duration.ofMinutes(1);

	private static final String COLUMNS = "client_id, member_id, name, scopes, created_at, secret_rotated_at, "
			+ "last_token_at, revoked_at";

	private final JdbcClient jdbc;

	private final ClientSecrets secrets;

	private final Revocations revocations;

	private final AuditLog auditLog;

	private final PartnerProperties properties;

	private final URI tokenUrl;

	private final Clock clock;

	PartnerClients(JdbcClient jdbc, ClientSecrets secrets, Revocations revocations, AuditLog auditLog,
			PartnerProperties properties, MailProperties mail, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.revocations = revocations;
		this.auditLog = auditLog;
		this.properties = properties;
		this.tokenUrl = URI.create(mail.publicUrl().toString().replaceAll("/+$", "") + TOKEN_PATH);
		this.clock = clock;
	}

	/** A client as its owner sees it; never its secret. */
	public record ClientView(String clientId, String name, List<String> scopes, Instant createdAt,
			Instant secretRotatedAt, Instant lastTokenAt, Instant revokedAt) {
	}

	public record ClientList(List<ClientView> items) {
	}

	/** The answer that shows a secret, the only one: at creation and at rotation. */
	public record ClientWithSecret(String clientId, String clientSecret, String name, List<String> scopes,
			Instant createdAt, Instant secretRotatedAt, URI tokenUrl) {
	}

	/** What the token endpoint needs to know about a client that may get tokens now. */
	public record ActiveClient(String clientId, String secretHash, Set<String> scopes, UUID memberId,
			String displayName) {
	}

	public ClientList list(UUID member) {
		return new ClientList(jdbc
			.sql("SELECT " + COLUMNS + " FROM partner_client WHERE member_id = ? ORDER BY created_at DESC, client_id")
			.param(member.toString())
			.query(PartnerClients::view)
			.list());
	}

	@Transactional
	public ClientWithSecret create(UUID member, NewPartnerClient request) {
		requireApproved(member);
		List<String> scopes = scopes(request.scopes());
		// Serialises two creations of the same member, so that the limit holds under a race.
		jdbc.sql("SELECT id FROM member WHERE id = ? FOR UPDATE").param(member.toString()).query(String.class).optional();
		long active = jdbc.sql("SELECT COUNT(*) FROM partner_client WHERE member_id = ? AND revoked_at IS NULL")
			.param(member.toString())
			.query(Long.class)
			.single();
		if (active >= properties.maxActiveClients()) {
			throw new ApiException(PartnerProblems.TOO_MANY_CLIENTS,
					"You have " + active + " active API clients, the most allowed; revoke one you no longer use.");
		}
		String clientId = secrets.newClientId();
		String secret = secrets.newSecret();
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO partner_client (client_id, member_id, name, scopes, secret_hash, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(clientId, member.toString(), request.name().strip(), String.join(" ", scopes), secrets.encode(secret),
					Timestamp.from(now))
			.update();
		auditLog.record(AuditEvent.of(AuditKinds.PARTNER_CLIENT_CREATED, member, clientId + " " + String.join(" ", scopes)));
		ClientView created = own(member, clientId);
		return new ClientWithSecret(clientId, secret, created.name(), created.scopes(), created.createdAt(), null,
				tokenUrl);
	}

	/**
	 * A new secret; the old one stops at once, and tokens issued before now are refused through the feed. The member
	 * needs partner access still (a revoked partner's clients are revoked anyway).
	 */
	@Transactional
	public ClientWithSecret rotate(UUID member, String clientId) {
		ClientView client = own(member, clientId);
		requireApproved(member);
		if (client.revokedAt() != null) {
			// A revoked client stays revoked: a new secret would bring it back to life.
			throw new ApiException(ProblemType.NOT_FOUND, "No such API client, or it is revoked.");
		}
		String secret = secrets.newSecret();
		Instant now = clock.instant();
		jdbc.sql("UPDATE partner_client SET secret_hash = ?, secret_rotated_at = ? WHERE client_id = ?")
			.params(secrets.encode(secret), Timestamp.from(now), clientId)
			.update();
		revocations.refuseClient(member, clientId, now, Revocations.Reason.CLIENT_ROTATED);
		auditLog.record(AuditEvent.of(AuditKinds.PARTNER_CLIENT_SECRET_ROTATED, member, clientId));
		return new ClientWithSecret(clientId, secret, client.name(), client.scopes(), client.createdAt(), now, tokenUrl);
	}

	/** Revokes the member's client; revoking it again changes nothing. */
	@Transactional
	public void revoke(UUID member, String clientId) {
		ClientView client = own(member, clientId);
		if (client.revokedAt() == null) {
			revokeOne(member, clientId, Revocations.Reason.CLIENT_REVOKED);
			auditLog.record(AuditEvent.of(AuditKinds.PARTNER_CLIENT_REVOKED, member, clientId));
		}
	}

	/**
	 * Revokes every client of the member that is not revoked yet (partner access revoked, member suspended or
	 * deleting their account). Joins the caller's transaction.
	 *
	 * @return how many were revoked
	 */
	public int revokeAllOf(UUID member, Revocations.Reason reason) {
		List<String> active = jdbc
			.sql("SELECT client_id FROM partner_client WHERE member_id = ? AND revoked_at IS NULL FOR UPDATE")
			.param(member.toString())
			.query(String.class)
			.list();
		for (String clientId : active) {
			revokeOne(member, clientId, reason);
		}
		return active.size();
	}

	private void revokeOne(UUID member, String clientId, Revocations.Reason reason) {
		jdbc.sql("UPDATE partner_client SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), clientId)
			.update();
		revocations.refuseClient(member, clientId, null, reason);
		log.info("Partner client {} of member {} revoked ({})", clientId, member, reason);
	}

	/**
	 * The client, when it may get tokens now: not revoked, its member approved as a partner and not suspended (a
	 * deleted member's clients are gone with the member's row).
	 */
	public Optional<ActiveClient> active(String clientId) {
		if (clientId == null || clientId.length() > 32) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT c.client_id, c.secret_hash, c.scopes, c.member_id, m.display_name FROM partner_client c "
				+ "JOIN member m ON m.id = c.member_id "
				+ "JOIN partner_access_request r ON r.member_id = c.member_id AND r.status = 'APPROVED' "
				+ "WHERE c.client_id = ? AND c.revoked_at IS NULL AND m.suspended_at IS NULL")
			.param(clientId)
			.query((rs, n) -> new ActiveClient(rs.getString(1), rs.getString(2),
					new LinkedHashSet<>(Arrays.asList(rs.getString(3).split(" "))), UUID.fromString(rs.getString(4)),
					rs.getString(5)))
			.optional();
	}

	/** Records that the client got a token now, at most once a minute (see {@link #LAST_TOKEN_PRECISION}). */
	public void tokenIssued(String clientId) {
		Instant now = clock.instant();
		jdbc.sql("UPDATE partner_client SET last_token_at = ? WHERE client_id = ? "
				+ "AND (last_token_at IS NULL OR last_token_at < ?)")
			.params(Timestamp.from(now), clientId, Timestamp.from(now.minus(LAST_TOKEN_PRECISION)))
			.update();
	}

	private ClientView own(UUID member, String clientId) {
		// Another member's client answers exactly like one that does not exist.
		return jdbc.sql("SELECT " + COLUMNS + " FROM partner_client WHERE client_id = ? AND member_id = ?")
			.params(clientId, member.toString())
			.query(PartnerClients::view)
			.optional()
			.orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "No such API client."));
	}

	private void requireApproved(UUID member) {
		boolean approved = jdbc
			.sql("SELECT COUNT(*) FROM partner_access_request WHERE member_id = ? AND status = 'APPROVED'")
			.param(member.toString())
			.query(Long.class)
			.single() > 0;
		if (!approved) {
			throw new ApiException(PartnerProblems.PARTNER_ACCESS_REQUIRED,
					"Ask for partner access first; an administrator approves it.");
		}
	}

	private static List<String> scopes(List<String> requested) {
		List<String> scopes = new ArrayList<>();
		for (String scope : requested) {
			if (scope == null || !PartnerScope.ALL.contains(scope)) {
				throw ApiException.forField(ProblemType.VALIDATION_FAILED, "scopes",
						"must name only predictions:read, predictions:write, jobs:write");
			}
			if (!scopes.contains(scope)) {
				scopes.add(scope);
			}
		}
		// Stored in the catalogue's order, so that equal sets read alike.
		return PartnerScope.ALL.stream().filter(scopes::contains).toList();
	}

	private static ClientView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ClientView(rs.getString(1), rs.getString(3), List.of(rs.getString(4).split(" ")), instant(rs, 5),
				instant(rs, 6), instant(rs, 7), instant(rs, 8));
	}

	private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
