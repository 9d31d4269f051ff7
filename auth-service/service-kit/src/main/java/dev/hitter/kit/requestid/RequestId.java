package dev.hitter.kit.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id that ties a client's call to every log line it caused, across gateway and services. */
public final class RequestId {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "requestId";

	// Ids from outside are echoed into logs and headers: accept only a short, plain token.
	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	private RequestId() {
	}

	/** The caller's id if it is acceptable, otherwise a new one. */
	public static String acceptOrCreate(String fromCaller) {
		if (fromCaller != null && ACCEPTABLE.matcher(fromCaller).matches()) {
			return fromCaller;
		}
		return UUID.randomUUID().toString();
	}
}
