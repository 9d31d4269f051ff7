package dev.hitter.auth.partner;

import jakarta.validation.constraints.Size;

/** An administrator's note on a partner access decision (required for rejection and revocation). */
public record PartnerDecision(@Size(max = 500, message = "must be at most 500 characters") String note) {
}
