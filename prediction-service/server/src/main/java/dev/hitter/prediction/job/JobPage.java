package dev.hitter.prediction.job;

import java.util.List;

/** A page of a member's jobs, newest first (without their items). */
public record JobPage(List<JobView> items, int page, int size, long totalItems, int totalPages) {
}
