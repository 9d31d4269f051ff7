package dev.hitter.prediction.job;

import java.util.List;

/**
 * A batch submission, checked and ready to stage.
 *
 * @param fingerprint what the submission looked like (fields, file names and sizes), compared when an
 *     {@code Idempotency-Key} comes again
 */
record JobSubmission(List<StagedTrack> tracks, String webhookUrl, String webhookSecret, String fingerprint) {
}
