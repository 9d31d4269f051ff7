package dev.hitter.gateway.webapp;

import java.util.List;

/**
 * Which paths belong to the web app (its files and its client-side routes) and which to the API, the operators
 * and the API documentation. A path of the latter never answers the app, whatever the caller accepts.
 */
final class WebAppPaths {

	/** Vite's output folder: every file in it has a content hash in its name. */
	static final String ASSETS = "/assets/";

	private static final List<String> NOT_THE_APP = List.of("/api/", "/actuator/", "/v3/", "/swagger-ui", "/webjars/",
			"/fallback/", "/internal/");

	private static final List<String> NOT_THE_APP_EXACTLY = List.of("/api", "/actuator", "/v3", "/webjars", "/fallback",
			"/internal", "/livez", "/readyz");

	private WebAppPaths() {
	}

	static boolean belongsToTheApp(String path) {
		return NOT_THE_APP.stream().noneMatch(path::startsWith) && !NOT_THE_APP_EXACTLY.contains(path);
	}

	static boolean isHashedAsset(String path) {
		return path.startsWith(ASSETS);
	}
}
