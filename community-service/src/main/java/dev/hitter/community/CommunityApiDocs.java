package dev.hitter.community;

import dev.hitter.kit.apidocs.ApiContract;

/**
 * What the API documents of community-service's controllers name. Servers, security schemes, each operation's security and
 * the shared problem answers come from the service kit (dev.hitter.kit.apidocs, docs/api-contract.md).
 */
public final class CommunityApiDocs {

	private CommunityApiDocs() {
	}

	/**
	 * The bearer scheme's name. Naming it in {@code @SecurityRequirement} changes nothing: each operation's security
	 * comes from the service's access rules (the kit's customisation).
	 */
	public static final String BEARER = ApiContract.BEARER;

	/** RFC 9457: every error answer's media type. */
	public static final String PROBLEM_JSON = ApiContract.PROBLEM_JSON;
}
