package dev.hitter.models.evaluation;

/**
 * The share of hits among the {@code k} songs the model scored highest, with its 95 % bootstrap interval: what a
 * label that listens to its top k picks would find.
 */
public record PrecisionAtK(int k, double value, double low, double high) {
}
