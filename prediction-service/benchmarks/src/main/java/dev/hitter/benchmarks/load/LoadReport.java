package dev.hitter.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.hitter.benchmarks.BenchmarkReport;
import dev.hitter.benchmarks.load.LatencyRecorder.Latencies;

/** The load benchmark's figures as Markdown: the same text goes to stdout and into docs/benchmarks.md. */
final class LoadReport {

	/** The target, at 4 clients on 2 cores. */
	static final int TARGET_CLIENTS = 4;

	static final double TARGET_P50_MS = 250;

	static final double TARGET_P99_MS = 600;

	private LoadReport() {
	}

	/**
	 * @param command the command line as the person typed it
	 * @param system how the system under test was started (empty: it was already running)
	 * @param uploadBytes the multipart body of one upload
	 * @param audioBytes the MP3 inside it
	 * @param created predictions the benchmark's members created, warm-up and uncounted answers included
	 * @param deleted how many of those it deleted at the end
	 * @param loadAverageBefore the machine's 1-minute load average when the first level started (negative: unknown)
	 */
	static String markdown(LoadOptions options, String command, Optional<String> system, long uploadBytes,
			long audioBytes, int lyricsBytes, List<LoadLevel.Result> results, int created, int deleted,
			double loadAverageBefore) {
		StringBuilder md = new StringBuilder();
		md.append(BenchmarkReport.measuredOn()).append(". The load generator ran on the same machine as the system");
		if (loadAverageBefore >= 0) {
			md.append(String.format(Locale.ROOT, "; 1-minute load average %.2f before the first level",
					loadAverageBefore));
		}
		md.append(".\n\n");
		md.append("Command: `").append(command).append("`\n\n");
		md.append("System under test: ").append(system.orElse("already running at " + options.url())).append(".\n\n");
		md.append(members(options)).append("\n\n");
		md.append(String.format(Locale.ROOT, "Each upload: a 4-minute 44.1 kHz stereo MP3 at 192 kb/s (%,d bytes) with "
				+ "%,d bytes of Korean and English lyrics, genre %s; %,d bytes of multipart body. Each level: %s of "
				+ "warm-up, then %s measured. Closed loop: each client sends its next upload when its previous answer "
				+ "has arrived, or %d ms after a refusal. Latency is from sending the request to the whole answer, for "
				+ "201 answers arriving inside the measured window.%n%n", audioBytes, lyricsBytes, options.genre(),
				uploadBytes, seconds(options.warmup()), seconds(options.duration()),
				LoadLevel.REFUSAL_PAUSE.toMillis()));

		md.append("| Clients | Requests | Analysed (201) | Refused (503/429) | Errors | p50 ms | p90 ms | p99 ms | max ms "
				+ "| Analyses/s |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (LoadLevel.Result r : results) {
			Latencies l = r.latencies();
			md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %s | %s | %s | %s | %.2f |%n", r.clients(),
					r.requests(), l.count(), r.refused(), r.failed(), ms(l.p50()), ms(l.p90()), ms(l.p99()),
					ms(l.max()), r.analysesPerSecond()));
		}
		md.append('\n');

		String answers = results.stream()
			.filter(r -> r.refused() + r.failed() > 0)
			.map(r -> r.clients() + " clients: " + Stream.concat(kinds(r.refusals(), "refused"), kinds(r.errors(), "error"))
				.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("; "));
		md.append("Refusals and errors by answer: ").append(answers.isEmpty() ? "none" : answers).append(".\n\n");

		md.append("Where the time goes: the medians of the prediction service's own `timings` (ms) in the counted "
				+ "answers. `total` runs from the request's arrival at the analysis (its wait for a free analysis slot "
				+ "included) to the last model; *wait + lyrics* is `total` minus the four stages; *outside* is the "
				+ "client's p50 minus the median `total`: the upload through the gateway, multipart parsing, storing the "
				+ "prediction and the answer.\n\n");
		md.append("| Clients | decode | features | audioModel | lyricsModel | total | wait + lyrics | outside |\n"
				+ "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (LoadLevel.Result r : results) {
			Map<String, Double> s = r.serverMedians();
			double stages = s.get("decode") + s.get("features") + s.get("audioModel") + s.get("lyricsModel");
			md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s |%n", r.clients(),
					ms(s.get("decode")), ms(s.get("features")), ms(s.get("audioModel")), ms(s.get("lyricsModel")),
					ms(s.get("total")), ms(s.get("total") - stages), ms(r.latencies().p50() - s.get("total"))));
		}
		md.append('\n');

		md.append(target(results)).append("\n\n");
		md.append(String.format(Locale.ROOT, "Clean-up: the benchmark created %d predictions (warm-up included) and "
				+ "deleted %d of them.%n", created, deleted));
		return md.toString();
	}

	/** The command line as the person typed it, but the password: the report is printed and may be committed. */
	static String command(String[] args) {
		StringBuilder command = new StringBuilder("./hitter bench load");
		for (int i = 0; i < args.length; i++) {
			command.append(' ').append(i > 0 && args[i - 1].equals("--password") ? "***" : args[i]);
		}
		return command.toString();
	}

	/** Who the clients were: the per-member share of the analyses decides whether a level measures capacity. */
	static String members(LoadOptions options) {
		if (options.email().isPresent()) {
			return "Members: every client is the one existing member given with `--email`, so the per-member share "
					+ "of the analyses applies (`HITTER_PREDICTION_MAX_ANALYSES_PER_MEMBER`, half the analysis slots "
					+ "by default): past it that member's extra concurrent analyses are refused with 429 "
					+ "`analysis-limit-reached` and counted as refusals, not as capacity.";
		}
		return String.format(Locale.ROOT, "Members: each client is its own member, %d fresh members signed up for "
				+ "this run and reused by every level (client *i* is member *i*); a client has one upload open at a "
				+ "time, within any member's share of the analyses (`HITTER_PREDICTION_MAX_ANALYSES_PER_MEMBER`), so "
				+ "refusals come from the whole service.", options.membersToSignUp());
	}

	static String target(List<LoadLevel.Result> results) {
		String goal = String.format(Locale.ROOT, "Target at %d clients on 2 cores: p50 ≤ %.0f ms and p99 ≤ %.0f ms",
				TARGET_CLIENTS, TARGET_P50_MS, TARGET_P99_MS);
		return results.stream().filter(r -> r.clients() == TARGET_CLIENTS).findFirst().map(r -> {
			Latencies l = r.latencies();
			boolean met = l.count() > 0 && l.p50() <= TARGET_P50_MS && l.p99() <= TARGET_P99_MS;
			return String.format(Locale.ROOT, "%s: **%s** in this run (p50 %s ms, p99 %s ms over %d analyses, %d refused).",
					goal, met ? "met" : "not met", ms(l.p50()), ms(l.p99()), l.count(), r.refused());
		}).orElse(goal + ": not measured in this run.");
	}

	private static Stream<String> kinds(Map<String, Integer> counts, String what) {
		return counts.entrySet().stream().map(e -> e.getValue() + " × " + what + " " + e.getKey());
	}

	private static String ms(double millis) {
		return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.0f", millis);
	}

	private static String seconds(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}
}
