package dev.hitter.auth.member;

import java.util.UUID;

/**
 * A member changed their display name. Published as a Spring application event inside the transaction that renames
 * them, so that a listener can enqueue the change for the services that keep copies of the name (community's
 * author names) in that same transaction, or act after it commits.
 */
public record MemberRenamed(UUID memberId, String displayName) {
}
