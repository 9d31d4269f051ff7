package dev.hitter.community.member;

import dev.hitter.kit.security.Member;

/** The name kept with what a member writes, taken from their access token at write time. */
public final class AuthorName {

	private static final int MAX = 100;

	private AuthorName() {
	}

	public static String of(Member member) {
		String name = member.displayName();
		if (name == null || name.isBlank()) {
			// Tokens always carry a name today; an address's local part is better than nothing if one ever does not.
			String email = member.email();
			name = email == null || email.isBlank() ? "member" : email.substring(0, Math.max(0, email.indexOf('@')));
		}
		name = name.strip();
		return name.length() > MAX ? name.substring(0, MAX) : name;
	}
}
