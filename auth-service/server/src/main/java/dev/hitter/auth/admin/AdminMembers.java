package dev.hitter.auth.admin;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hitter.auth.AuthProblems;
import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Role;

/** What administrators see of members, and the one role they hand out (ADMIN). */
@Service
public class AdminMembers {

	private static final String COLUMNS = "SELECT m.id, m.email, m.display_name, m.kind, m.created_at, "
			+ "m.email_verified_at, m.totp_enabled_at, m.suspended_at, m.suspension_reason FROM member m";

	private final JdbcClient jdbc;

	private final MemberRepository members;

	private final AuditLog audit;

	private final Clock clock;

	AdminMembers(JdbcClient jdbc, MemberRepository members, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Members whose e-mail or display name contains {@code query} (any case), by e-mail; a page at a time, keyed by the
	 * last e-mail of the previous page (unique, so no member is skipped or repeated while others sign up).
	 */
	@Transactional(readOnly = true)
	public MemberPage search(String query, String cursor, int limit) {
		StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (query != null && !query.isBlank()) {
			String like = "%" + escapeLike(query.strip()) + "%";
			sql.append(" AND (m.email LIKE ? ESCAPE '!' OR m.display_name LIKE ? ESCAPE '!')");
			params.add(like);
			params.add(like);
		}
		if (cursor != null) {
			sql.append(" AND m.email > ?");
			params.add(decodeCursor(cursor));
		}
		sql.append(" ORDER BY m.email LIMIT ?");
		params.add(limit + 1);
		List<AdminMember> found = withRoles(jdbc.sql(sql.toString()).params(params).query(this::row).list());
		boolean more = found.size() > limit;
		List<AdminMember> page = more ? found.subList(0, limit) : found;
		return new MemberPage(page, more ? encodeCursor(page.get(page.size() - 1).email()) : null);
	}

	@Transactional(readOnly = true)
	public AdminMember get(UUID id) {
		return withRoles(jdbc.sql(COLUMNS + " WHERE m.id = ?").param(id.toString()).query(this::row).list()).stream()
			.findFirst()
			.orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "No such member."));
	}

	@Transactional
	public AdminMember grantAdmin(UUID actorId, UUID memberId) {
		MemberAccount account = members.findById(memberId)
			.orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "No such member."));
		if (!account.roles().contains(Role.ADMIN)) {
			account.grant(Role.ADMIN, clock.instant());
			members.flush();
			audit.record(new AuditEvent(AuditKinds.ROLE_CHANGED, memberId, actorId, "ADMIN granted"));
		}
		return get(memberId);
	}

	/** Takes ADMIN away, unless the member is the last one who has it (whoever asks, themselves included). */
	@Transactional
	public AdminMember revokeAdmin(UUID actorId, UUID memberId) {
		// Locks every administrator's role row: two administrators demoting each other at once cannot both win.
		List<String> admins = jdbc.sql("SELECT member_id FROM member_role WHERE role = 'ADMIN' ORDER BY member_id "
				+ "FOR UPDATE").query(String.class).list();
		MemberAccount account = members.findById(memberId)
			.orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "No such member."));
		if (admins.contains(memberId.toString())) {
			if (admins.size() <= 1) {
				throw new ApiException(AuthProblems.LAST_ADMINISTRATOR,
						"This is the only administrator; make someone else one first.");
			}
			account.revoke(Role.ADMIN, clock.instant());
			members.flush();
			audit.record(new AuditEvent(AuditKinds.ROLE_CHANGED, memberId, actorId, "ADMIN revoked"));
		}
		return get(memberId);
	}

	private AdminMember row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new AdminMember(UUID.fromString(rs.getString("id")), rs.getString("email"),
				rs.getString("display_name"), rs.getString("kind").toLowerCase(java.util.Locale.ROOT), Set.of(),
				rs.getTimestamp("email_verified_at") != null, rs.getTimestamp("totp_enabled_at") != null,
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("suspended_at")),
				rs.getString("suspension_reason"));
	}

	private List<AdminMember> withRoles(List<AdminMember> found) {
		if (found.isEmpty()) {
			return found;
		}
		String marks = found.stream().map(member -> "?").collect(Collectors.joining(", "));
		Map<String, Set<String>> roles = jdbc
			.sql("SELECT member_id, role FROM member_role WHERE member_id IN (" + marks + ")")
			.params(found.stream().map(member -> (Object) member.id().toString()).toList())
			.query((rs, n) -> Map.entry(rs.getString("member_id"), rs.getString("role")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(TreeSet::new))));
		return found.stream()
			.map(member -> member.withRoles(roles.getOrDefault(member.id().toString(), Set.of())))
			.toList();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static String escapeLike(String query) {
		return query.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	static String encodeCursor(String email) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(email.getBytes(StandardCharsets.UTF_8));
	}

	static String decodeCursor(String cursor) {
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notOurs) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "cursor", "is not a cursor this API gave");
		}
	}

	/**
	 * A member as administrators see them (never a password hash, a secret or a token).
	 *
	 * @param suspendedAt when an administrator suspended them; null while they are not suspended
	 * @param suspensionReason the reason given then (shown to administrators only)
	 */
	public record AdminMember(UUID id, String email, String displayName, String kind, Set<String> roles,
			boolean emailVerified, boolean twoFactorEnabled, Instant memberSince, Instant suspendedAt,
			String suspensionReason) {

		AdminMember withRoles(Set<String> roles) {
			return new AdminMember(id, email, displayName, kind, roles, emailVerified, twoFactorEnabled, memberSince,
					suspendedAt, suspensionReason);
		}
	}

	/** A page of members and the cursor of the next one, null at the end. */
	public record MemberPage(List<AdminMember> items, String nextCursor) {
	}
}
