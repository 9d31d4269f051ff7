package dev.hitter.kit.apidocs;

import java.util.Map;

/** The names every HITTER API document shares, for annotations and tests. */
public final class ApiContract {

	private ApiContract() {
	}

	/** A member's access token from the web app's login, or a partner client's token: {@code Authorization: Bearer}. */
	public static final String BEARER = "bearer";

	/** A partner tool's client-credentials token, with scopes. */
	public static final String PARTNER = "partner";

	/** The token endpoint of partner clients, below the gateway's public URL. */
	public static final String TOKEN_PATH = "/api/v1/auth/oauth2/token";

	/** RFC 9457: every error answer's media type. */
	public static final String PROBLEM_JSON = "application/problem+json";

	/** The shared schema of every problem answer. */
	public static final String PROBLEM_SCHEMA = "Problem";

	/** The scopes a partner client may hold, with what each allows. */
	public static final Map<String, String> SCOPES = Map.of(
			"predictions:read", "Read your analyses, their spectrograms and CSV exports, and your batch jobs",
			"predictions:write", "Analyse tracks and delete analyses",
			"jobs:write", "Submit and cancel batch jobs and ask for webhook redelivery");
}
