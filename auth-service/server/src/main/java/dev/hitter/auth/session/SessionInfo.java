package dev.hitter.auth.session;

import java.time.Instant;
import java.util.UUID;

/**
 * One of the member's logins, as their sessions list shows it.
 *
 * @param id the login's id, to end it with
 * @param device the browser and system it was signed in from
 * @param createdAt when it was signed in
 * @param lastUsedAt when it last renewed its access token (or was signed in)
 * @param current whether the request asking is made with this login
 */
public record SessionInfo(UUID id, Device device, Instant createdAt, Instant lastUsedAt, boolean current) {
}
