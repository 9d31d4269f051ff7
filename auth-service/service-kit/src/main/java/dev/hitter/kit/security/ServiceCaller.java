package dev.hitter.kit.security;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/**
 * The HITTER service calling an internal endpoint, as its service token names it. Internal controllers take it as a
 * parameter where member endpoints take a {@link Member}; a service token is never a member, and a member token never
 * reaches an {@code /internal} path.
 *
 * @param name the calling service's client id, e.g. {@code prediction-service}
 */
public record ServiceCaller(String name) {

	/** The audience of service tokens: never {@code hitter-api}, so the gateway refuses them. */
	public static final String AUDIENCE = "hitter-internal";

	/** The only role a service token carries. */
	public static final String ROLE = "SERVICE";

	/** A service token's subject is {@code service:<client id>}; a member's is their UUID. */
	public static final String SUBJECT_PREFIX = "service:";

	public static ServiceCaller from(Jwt jwt) {
		if (!isServiceToken(jwt)) {
			throw new IllegalArgumentException("Not a service token");
		}
		return new ServiceCaller(jwt.getSubject().substring(SUBJECT_PREFIX.length()));
	}

	/**
	 * Refuses (403) a service that has no business here: each internal endpoint names the services that call it, so
	 * a leaked credential of one service opens only what that service may do.
	 */
	public void requireOneOf(String... services) {
		for (String service : services) {
			if (service.equals(name)) {
				return;
			}
		}
		throw new ApiException(ProblemType.FORBIDDEN, "This internal endpoint is not for " + name + ".");
	}

	/** Everything a service token must be: the internal audience alone, a service subject and the service role. */
	public static boolean isServiceToken(Jwt jwt) {
		List<String> audience = jwt.getAudience();
		String subject = jwt.getSubject();
		List<String> roles = jwt.getClaimAsStringList(Member.ROLES_CLAIM);
		return audience != null && audience.contains(AUDIENCE) && audience.size() == 1 && subject != null
				&& subject.startsWith(SUBJECT_PREFIX) && subject.length() > SUBJECT_PREFIX.length() && roles != null
				&& roles.equals(List.of(ROLE));
	}

	/**
	 * Whether a token shows any sign of being meant for services (the internal audience, a service subject, the
	 * service role). Such a token is never taken for a member's, even where its audience would also let it in.
	 */
	public static boolean looksLikeServiceToken(Jwt jwt) {
		List<String> audience = jwt.getClaimAsStringList(JwtClaimNames.AUD);
		String subject = jwt.getSubject();
		List<String> roles = jwt.getClaimAsStringList(Member.ROLES_CLAIM);
		return (audience != null && audience.contains(AUDIENCE))
				|| (subject != null && subject.startsWith(SUBJECT_PREFIX)) || (roles != null && roles.contains(ROLE));
	}
}
