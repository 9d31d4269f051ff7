package dev.hitter.prediction.history;

import java.util.List;

/** One page of a member's predictions; {@code page} counts from 0. */
public record PredictionPage(List<PredictionSummary> items, int page, int size, long totalItems, int totalPages) {
}
