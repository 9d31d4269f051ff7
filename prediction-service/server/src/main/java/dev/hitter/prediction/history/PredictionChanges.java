package dev.hitter.prediction.history;

import jakarta.validation.constraints.Size;

/**
 * A {@code PATCH}: the fields to change, absent (or null) ones left as they are. A plain JSON object with
 * merge-patch meaning, accepted as {@code application/json} or {@code application/merge-patch+json}; a title cannot
 * be removed by sending null, send {@code ""} for that (the same for the artist).
 */
public record PredictionChanges(@Size(max = 200) String title, @Size(max = 200) String artist, Boolean shared) {
}
