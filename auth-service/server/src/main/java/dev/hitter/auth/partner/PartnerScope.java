package dev.hitter.auth.partner;

import java.util.List;

/** The scopes a partner client may hold; every service's {@code hitter.security.client-scopes} rules name them. */
public final class PartnerScope {

	public static final String PREDICTIONS_READ = "predictions:read";

	public static final String PREDICTIONS_WRITE = "predictions:write";

	public static final String JOBS_WRITE = "jobs:write";

	public static final List<String> ALL = List.of(PREDICTIONS_READ, PREDICTIONS_WRITE, JOBS_WRITE);

	private PartnerScope() {
	}
}
