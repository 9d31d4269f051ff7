package dev.hitter.prediction.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A member's partner clients' usage over a span of UTC days, both ends included: per client the totals, when it was
 * last used, and each day of the span (days without use as zeros, so that a chart needs no gaps filled).
 */
public record ClientUsageReport(LocalDate from, LocalDate to, List<Client> clients) {

	/**
	 * @param lastUsedAt the client's latest request (or analysis) within the span
	 */
	@Schema(name = "ClientUsageOfClient")
	public record Client(String clientId, long requests, long analyses, long jobs, Instant lastUsedAt,
			List<Day> days) {

		static Client of(String clientId, List<ClientUsage.Row> rows, LocalDate from, LocalDate to) {
			Map<LocalDate, ClientUsage.Row> byDay = rows.stream()
				.collect(Collectors.toMap(ClientUsage.Row::day, Function.identity()));
			List<Day> days = new ArrayList<>();
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				ClientUsage.Row row = byDay.get(day);
				days.add(row == null ? new Day(day, 0, 0) : new Day(day, row.requests(), row.analyses()));
			}
			return new Client(clientId, rows.stream().mapToLong(ClientUsage.Row::requests).sum(),
					rows.stream().mapToLong(ClientUsage.Row::analyses).sum(),
					rows.stream().mapToLong(ClientUsage.Row::jobs).sum(),
					rows.stream().map(ClientUsage.Row::lastUsedAt).max(Instant::compareTo).orElse(null), days);
		}
	}

	@Schema(name = "ClientUsageDay")
	public record Day(LocalDate date, long requests, long analyses) {
	}
}
