package dev.hitter.auth.session;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

import dev.hitter.kit.clientaddress.ClientAddress;

/**
 * Where a sign-in comes from: the client's address (throttling) and its User-Agent (the device shown in the
 * member's sessions list).
 */
public record SignInContext(String clientAddress, String userAgent) {

	/** User-Agent strings run long; the sessions list needs only enough to name a browser and a system. */
	static final int MAX_USER_AGENT = 255;

	public static SignInContext of(HttpServletRequest request) {
		String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
		if (userAgent != null) {
			userAgent = userAgent.replaceAll("\\p{Cntrl}", "").strip();
			userAgent = userAgent.isEmpty() ? null
					: userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
		}
		return new SignInContext(ClientAddress.of(request), userAgent);
	}
}
