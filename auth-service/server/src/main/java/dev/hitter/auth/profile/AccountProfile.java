package dev.hitter.auth.profile;

import java.time.Instant;

import dev.hitter.auth.member.MemberAccount;

/** The member's profile as they see and edit it on their account page. */
public record AccountProfile(String email, String displayName, String kind, String affiliation, String bio,
		Instant memberSince) {

	static AccountProfile of(MemberAccount account) {
		return new AccountProfile(account.email(), account.displayName(), account.kind().apiName(),
				account.affiliation(), account.bio(), account.createdAt());
	}
}
