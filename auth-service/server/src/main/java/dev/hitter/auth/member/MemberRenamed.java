package dev.hitter.auth.member;

import java.util.UUID;

/**
 * A member changed their display name. Published as a Spring application event by whatever renames (the profile);
 * {@code community.MemberRenamedForwarder} carries it to community-service's copies of the name. Publish it inside
 * the rename's transaction where there is one: the message to community then commits with the rename.
 */
public record MemberRenamed(UUID memberId, String displayName) {
}
