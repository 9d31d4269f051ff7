package dev.hitter.auth.session;

import java.util.Locale;

/**
 * A browser and a system named from a User-Agent, enough for a member to recognise a session ("Firefox on
 * Windows"). Either may be null when the agent says nothing we know; the web app names the pair in the member's
 * language.
 */
public record Device(String browser, String os) {

	static Device of(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return new Device(null, null);
		}
		String agent = userAgent.toLowerCase(Locale.ROOT);
		return new Device(browser(agent), os(agent));
	}

	// Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
	private static String browser(String agent) {
		if (agent.contains("edg/") || agent.contains("edge/")) {
			return "Edge";
		}
		if (agent.contains("opr/") || agent.contains("opera")) {
			return "Opera";
		}
		if (agent.contains("samsungbrowser/")) {
			return "Samsung Internet";
		}
		if (agent.contains("firefox/") || agent.contains("fxios/")) {
			return "Firefox";
		}
		if (agent.contains("chrome/") || agent.contains("crios/") || agent.contains("chromium/")) {
			return "Chrome";
		}
		if (agent.contains("safari/")) {
			return "Safari";
		}
		if (agent.startsWith("curl/")) {
			return "curl";
		}
		return null;
	}

	private static String os(String agent) {
		if (agent.contains("android")) {
			return "Android";
		}
		if (agent.contains("iphone") || agent.contains("ipad") || agent.contains("ipod")) {
			return "iOS";
		}
		if (agent.contains("windows")) {
			return "Windows";
		}
		if (agent.contains("mac os x") || agent.contains("macintosh")) {
			return "macOS";
		}
		if (agent.contains("cros")) {
			return "ChromeOS";
		}
		if (agent.contains("linux")) {
			return "Linux";
		}
		return null;
	}
}
