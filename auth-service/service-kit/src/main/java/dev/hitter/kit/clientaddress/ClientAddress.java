package dev.hitter.kit.clientaddress;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the person at the other end, as the gateway saw it. The gateway sets {@link #HEADER} on every
 * request it routes, replacing whatever a client sent under that name; services read it instead of
 * {@code X-Forwarded-For}, whose first value any client can write. Without it (a call that did not pass the
 * gateway: tests, a service on the same host) the connection's own address counts.
 */
public final class ClientAddress {

	public static final String HEADER = "X-Hitter-Client-Address";

	/** Longer than any IPv6 text form with a zone; anything longer is not an address the gateway wrote. */
	static final int MAX_LENGTH = 64;

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		String fromGateway = request.getHeader(HEADER);
		if (fromGateway != null && !fromGateway.isBlank() && fromGateway.length() <= MAX_LENGTH) {
			return fromGateway.strip();
		}
		return request.getRemoteAddr();
	}
}
