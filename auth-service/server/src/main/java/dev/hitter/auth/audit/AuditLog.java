package dev.hitter.auth.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.hitter.kit.clientaddress.ClientAddress;

/**
 * Writes the audit log. An event joins the caller's transaction when there is one, so that a change and its
 * record commit (or roll back) together; a refusal (a wrong password, a throttled attempt) is recorded outside any
 * transaction, so that it stays although the request fails.
 * <p>
 * The client's address ({@code X-Hitter-Client-Address}, as the login throttle reads it) and User-Agent are taken
 * from the HTTP request being served, when there is one; events recorded in the background have neither.
 */
@Service
public class AuditLog {

	public static final String SOURCE = "auth-service";

	static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	static final int MAX_DETAIL = 500;

	static final int MAX_USER_AGENT = 255;

	static final int MAX_ADDRESS = 64;

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(AuditEvent event) {
		HttpServletRequest request = currentRequest();
		String address = request == null ? null : ClientAddress.of(request);
		String userAgent = request == null ? null : request.getHeader(HttpHeaders.USER_AGENT);
		insert(UUID.randomUUID(), SOURCE, event, clock.instant(), address, userAgent);
	}

	/**
	 * An event another service sent (through its outbox): its message id makes a repeated delivery a no-op.
	 *
	 * @return whether it was new
	 */
	public boolean recordFrom(String source, UUID id, AuditEvent event, Instant occurredAt) {
		if (jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE id = ?").param(id.toString()).query(Long.class).single() > 0) {
			return false;
		}
		try {
			insert(id, source, event, occurredAt, null, null);
			return true;
		}
		catch (org.springframework.dao.DuplicateKeyException raceLost) {
			return false;
		}
	}

	private void insert(UUID id, String source, AuditEvent event, Instant occurredAt, String address,
			String userAgent) {
		if (event.kind() == null || !KIND.matcher(event.kind()).matches()) {
			throw new IllegalArgumentException("Audit kinds are upper-case words joined by underscores");
		}
		jdbc.sql("INSERT INTO audit_event (id, occurred_at, kind, source, member_id, actor_id, client_address, "
				+ "user_agent, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id.toString(), Timestamp.from(occurredAt), event.kind(), source, string(event.memberId()),
					string(event.actorId()), clean(address, MAX_ADDRESS), clean(userAgent, MAX_USER_AGENT),
					clean(event.detail(), MAX_DETAIL))
			.update();
	}

	/** Control characters removed (a log viewer must not be steered by them), trimmed, cut to the column. */
	static String clean(String value, int max) {
		if (value == null) {
			return null;
		}
		String cleaned = CONTROL.matcher(value).replaceAll(" ").strip();
		if (cleaned.isEmpty()) {
			return null;
		}
		return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
	}

	private static String string(UUID id) {
		return id == null ? null : id.toString();
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}
}
