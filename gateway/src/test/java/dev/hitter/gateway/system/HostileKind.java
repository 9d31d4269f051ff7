package dev.hitter.gateway.system;

/** The kinds of hostile request the campaign sends; each request carries one, and the report counts per kind. */
enum HostileKind {

	UPLOAD("malformed and oversized uploads: no audio, empty, text or images named as audio, a part past the upload "
			+ "limit, over-long labels and file names, both lyrics forms at once"),
	AUDIO_HEADER("crafted WAV and MP3 headers: a data length past the end of the file, WAVs cut to 60 % and 95 %, "
			+ "absurd channel counts, sample rates and sample sizes, an ID3 tag that claims 256 MB, broken MP3 frames"),
	MULTIPART("broken multipart on both upload routes: no closing boundary, no boundary parameter, a boundary the "
			+ "body never uses, 100 KB part headers, bad Content-Disposition, thousands of parts, a nested multipart"),
	LYRICS("pathological lyrics: a .lrc of 32k newlines, 30k unclosed '[' lines, 50k-deep '[[[[' nesting, invalid "
			+ "UTF-8 in the file and in the text field, a text field past 1 MB, the same files in a batch job"),
	MANIFEST("batch manifests: thousands of items, 100k-deep nesting, multi-megabyte strings, wrong types, "
			+ "invalid JSON and invalid UTF-8 in a manifest file"),
	MALFORMED_JSON("malformed JSON on every JSON endpoint (sign-up, login, refresh, logout, prediction PATCH): "
			+ "empty, truncated, trailing garbage, deep nesting, huge numbers and strings, wrong types, "
			+ "invalid UTF-8, a text/plain or XML body"),
	FORGED_TOKEN("forged access tokens on every protected route: another key with the real kid, altered claims, "
			+ "alg=none, HS256 keyed with the public key, expired, wrong issuer or audience, unknown or hostile kid, "
			+ "embedded jwk and jku headers, garbage"),
	OTHER_MEMBER("another member's ids: read, rename, like, delete a private prediction and its picture; read, "
			+ "export and delete a job; reference marking by a member; ids that are no UUID"),
	SSRF_WEBHOOK("job webhooks aimed inside: loopback (127.0.0.1, 127.1, decimal and hex forms, ::1, "
			+ "::ffff:127.0.0.1), 169.254.169.254, 192.0.0.1, 64:ff9b:1::1, private, CGNAT, unique-local, "
			+ "link-local, multicast and reserved ranges, localhost names, credentials, other schemes"),
	PAGING("paging extremes on every list (my predictions, leaderboard, my jobs): page=2147483647, "
			+ "page beyond int, page x size overflow, negative and zero sizes, non-numbers, bad sort"),
	UNKNOWN_ROUTE("addresses no route serves and actuator endpoints that must stay closed"),
	WEB_APP("what the web app added: forged, oversized and repeated refresh cookies, a cookie without the web "
			+ "app's header, logout by cookie alone, hostile genres on the public model cards, writes to them, bad "
			+ "artist renames, the analyses export without a token, hostile sorts, and app deep links carrying markup and traversal"),
	PUBLICATION("the listenable leaderboard: publishing another member's analysis, another file or other lyrics behind "
			+ "one's own score, unpublishing someone else's, moderation by a member, ranges past the end, hundreds of "
			+ "ranges, malformed ranges and If-Range, forged, oversized and foreign listening tickets, streams and "
			+ "lyrics of private or unknown analyses"),
	COMMUNITY("the community board: empty and oversized titles, bodies, comments and reports, unknown categories and "
			+ "sorts, wrong JSON types, changing, deleting and moderating someone else's post, liking twice, sharing "
			+ "another member's analysis or sharing unconfirmed, script tags and javascript: links (stored as text), "
			+ "paging past the end, cursor garbage, hostile search queries, replies to replies, and the services' "
			+ "internal paths through the gateway (member hooks, a forged ANALYSIS_LIKE notification, the service "
			+ "token endpoint, capitals and percent-encoding): 404, never routed"),
	ACCOUNT("the member's account: password guessing until the login throttle answers 429 (never 5xx), a forged client "
			+ "address header, two-factor codes that are garbage, oversized or of the wrong kind, made-up challenges, "
			+ "oversized and control-character profile fields, roles asked for in a profile change, a password change "
			+ "with a wrong or huge current password, ending a session that is not one's own or not a UUID"),
	PARTNER("partner API clients: guessed and rotated-away secrets, unknown and 10 KB client ids, garbage Basic "
			+ "credentials, other grant types, scopes beyond the client's, a 1 MB token request, a JSON token request; a "
			+ "read-only client's token on analysing, batch jobs, account deletion, password change, client management, "
			+ "posting, publishing and administration; another member's analysis and job by client; another member's "
			+ "client revoked or rotated by the attacker; made-up scopes, oversized names and approving oneself; usage reports over hostile spans and by a client; "
			+ "redelivering and reading the victim's webhooks; rotating the signing keys as a member or a client"),
	MAIL("the mailed links: a spent verification link and a spent reset link used again, another member's e-mail "
			+ "change link, garbage, empty, oversized and wrongly typed tokens on every link endpoint, a reset link "
			+ "used as a verification link, weak passwords with a garbage link, resend and e-mail change without a "
			+ "token, an e-mail change with a wrong password, a reset asked for the victim (answered like any)"),
	TRACE_CONTEXT("hostile W3C trace context on reads and a sign-in: malformed and 4 KB traceparents, all-zero and "
			+ "non-hex ids, an unknown version with extra fields, two traceparents in one header, 64 tracestate members, "
			+ "4 KB of baggage: the request answered as without them (tracing must never refuse or fail a call)");

	private final String sends;

	HostileKind(String sends) {
		this.sends = sends;
	}

	/** What the campaign sends of this kind, for the report and docs/reliability.md. */
	String sends() {
		return sends;
	}

	String label() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}
}
