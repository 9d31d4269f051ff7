package dev.hitter.community.member;

import java.util.UUID;

/**
 * Who wrote what an anonymised member wrote: their posts and comments stay for the threads they belong to, but
 * point at this id (no member has it) and carry no name, so the app shows "deleted member".
 */
public final class DeletedMember {

	public static final UUID ID = new UUID(0L, 0L);

	private DeletedMember() {
	}
}
