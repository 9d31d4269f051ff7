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
					ms(l.max()), r.perSecond()));
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
		boolean named = args.length > 0 && LoadOptions.Workload.named(args[0]).isPresent();
		StringBuilder command = new StringBuilder(named ? "./hitter bench " + args[0] : "./hitter bench load");
		for (int i = named ? 1 : 0; i < args.length; i++) {
			command.append(' ').append(i > 0 && args[i - 1].equals("--password") ? "***" : args[i]);
		}
		return command.toString();
	}

	/** The community workload's operations, measured one after the other at each level. */
	static final List<String> OPERATIONS = List.of("list", "read");

	/** The community target on 2 cores, load generator included: list requests per second, and their p99. */
	static final double TARGET_LIST_PER_SECOND = 2000;

	static final double TARGET_LIST_P99_MS = 50;

	/**
	 * One operation at one level of the community workload.
	 * @param cores the cores each process used in the window ({@link CpuUse.Sample#coresSince}), "machine" all of them
	 * @param loadAverage the machine's 1-minute load average when the level started
	 */
	record Measured(String operation, LoadLevel.Result result, Map<String, Double> cores, double loadAverage) {
	}

	/**
	 * The community workload's figures.
	 * @param seedingSeconds how long seeding took (0 posts: reading what the list showed)
	 * @param deleted how many of the seeded posts were deleted at the end
	 */
	static String community(LoadOptions options, String command, Optional<String> system, CommunityLoad board,
			double seedingSeconds, List<Measured> results, int deleted, double loadAverageBefore) {
		StringBuilder md = new StringBuilder();
		md.append(BenchmarkReport.measuredOn()).append(". The load generator ran on the same machine as the system");
		if (loadAverageBefore >= 0) {
			md.append(String.format(Locale.ROOT, "; 1-minute load average %.2f before the first level",
					loadAverageBefore));
		}
		md.append(".\n\n");
		md.append("Command: `").append(command).append("`\n\n");
		md.append("System under test: ").append(system.orElse("already running at " + options.url())).append(".\n\n");
		md.append(options.email().isPresent()
				? "Members: every client is the one existing member given with `--email`."
				: String.format(Locale.ROOT, "Members: %d fresh members signed up for this run; client *i* is member "
						+ "*i mod %d*. Each logs in again before its access token runs out.", options.membersToSignUp(),
						options.membersToSignUp()))
			.append("\n\n");
		if (board.seededPosts() > 0) {
			md.append(String.format(Locale.ROOT, "Board: %,d posts seeded through the API in %.0f s (Korean, English "
					+ "or both; titles up to 80 characters, bodies of 1–40 sentences, every category), %,d comments "
					+ "(some replies) and %,d likes; the newest list then had %,d posts on %,d pages of 20.%n%n",
					board.seededPosts(), seedingSeconds, board.seededComments(), board.seededLikes(),
					board.readablePosts(), board.deepPages() + 1));
		}
		else {
			md.append(String.format(Locale.ROOT, "Board: nothing seeded (`--posts 0`); the %,d posts already on the "
					+ "newest list (%,d pages of 20) were read.%n%n", board.readablePosts(), board.deepPages() + 1));
		}
		md.append(String.format(Locale.ROOT, "Requests: **list** is `GET /api/v1/community/posts?size=20` — 55 %% the "
				+ "first page newest first, 15 %% the first page of a category, 10 %% the first page by likes or by "
				+ "comments, 20 %% a deeper page of the newest list through its keyset cursor; **read** is "
				+ "`GET /api/v1/community/posts/{id}` of a random post (each read counts a view, in memory). Each level "
				+ "and operation: %s of warm-up, then %s measured. Closed loop: each client sends its next request when "
				+ "its answer has arrived. Latency is from sending the request to the whole answer, for 200 answers "
				+ "inside the measured window.%n%n", seconds(options.warmup()), seconds(options.duration())));

		md.append("| Clients | Operation | Requests | OK (200) | Refused (503/429) | Errors | p50 ms | p90 ms | p99 ms "
				+ "| max ms | OK/s | Load avg before |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Measured m : results) {
			LoadLevel.Result r = m.result();
			Latencies l = r.latencies();
			md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %d | %d | %s | %s | %s | %s | %.0f | %s |%n",
					r.clients(), m.operation(), r.requests(), l.count(), r.refused(), r.failed(), ms1(l.p50()), ms1(l.p90()),
					ms1(l.p99()), ms1(l.max()), r.perSecond(), m.loadAverage() < 0 ? "–"
							: String.format(Locale.ROOT, "%.2f", m.loadAverage())));
		}
		md.append('\n');
		String errors = results.stream()
			.filter(m -> m.result().refused() + m.result().failed() > 0)
			.map(m -> m.result().clients() + " clients " + m.operation() + ": "
					+ Stream.concat(kinds(m.result().refusals(), "refused"), kinds(m.result().errors(), "error"))
						.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("; "));
		md.append("Refusals and errors by answer (a refused client goes on after ")
			.append(LoadLevel.REFUSAL_PAUSE.toMillis())
			.append(" ms; latencies and OK/s count 200 answers only): ")
			.append(errors.isEmpty() ? "none" : errors)
			.append(".\n\n");

		md.append("Where the CPU went in each measured window, in cores (of ")
			.append(Runtime.getRuntime().availableProcessors())
			.append("): each process of the system from `/proc/<pid>/stat` (the database with its `mariadbd`), the "
					+ "load generator itself, and *other*: the machine's busy time (`/proc/stat`) less all of those — "
					+ "other work on the machine. CPU time per request is the system's four processes' cores divided "
					+ "by the OK answers per second.\n\n");
		md.append("| Clients | Operation | gateway | community | auth | database | generator | other | machine busy "
				+ "| system ms CPU / request |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Measured m : results) {
			Map<String, Double> c = m.cores();
			double systemCores = Stream.of("gateway", "community", "auth", "database")
				.mapToDouble(role -> c.getOrDefault(role, Double.NaN))
				.sum();
			md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
					m.result().clients(), m.operation(), cores(c.get("gateway")), cores(c.get("community")),
					cores(c.get("auth")), cores(c.get("database")), cores(c.get("generator")), cores(c.get("other")),
					cores(c.get("machine")), m.result().perSecond() > 0 ? ms1(systemCores / m.result().perSecond() * 1000)
							: "–"));
		}
		md.append('\n');
		md.append(communityTarget(results)).append("\n\n");
		if (board.seededPosts() > 0) {
			md.append(String.format(Locale.ROOT, "Clean-up: the benchmark deleted %d of the %d posts it seeded (their "
					+ "comments and likes with them); the fresh members' accounts stay.%n", deleted,
					board.seededPosts()));
		}
		return md.toString();
	}

	/**
	 * Met when one level listed at least 2,000 requests/s with a p99 of at most 50 ms; otherwise how far the level
	 * with the most list requests per second was from each.
	 */
	static String communityTarget(List<Measured> results) {
		String goal = String.format(Locale.ROOT, "Target on 2 cores, load generator included: ≥ %,.0f list requests/s "
				+ "with p99 ≤ %.0f ms", TARGET_LIST_PER_SECOND, TARGET_LIST_P99_MS);
		List<Measured> lists = results.stream()
			.filter(m -> m.operation().equals("list") && m.result().latencies().count() > 0)
			.toList();
		Optional<Measured> met = lists.stream()
			.filter(m -> m.result().perSecond() >= TARGET_LIST_PER_SECOND
					&& m.result().latencies().p99() <= TARGET_LIST_P99_MS)
			.findFirst();
		if (met.isPresent()) {
			LoadLevel.Result r = met.get().result();
			return String.format(Locale.ROOT, "%s: **met** in this run at %d clients (%.0f requests/s, p99 %s ms).",
					goal, r.clients(), r.perSecond(), ms1(r.latencies().p99()));
		}
		return lists.stream().max(java.util.Comparator.comparingDouble(m -> m.result().perSecond())).map(best -> {
			LoadLevel.Result r = best.result();
			Latencies l = r.latencies();
			Optional<Measured> fastEnough = lists.stream()
				.filter(m -> m.result().latencies().p99() <= TARGET_LIST_P99_MS)
				.max(java.util.Comparator.comparingDouble(m -> m.result().perSecond()));
			return String.format(Locale.ROOT, "%s: **not met** in this run. The most list requests per second were "
					+ "%.0f at %d clients (%.0f %% of the target, %.1f× short) with p99 %s ms%s; %s.", goal,
					r.perSecond(), r.clients(), r.perSecond() / TARGET_LIST_PER_SECOND * 100,
					TARGET_LIST_PER_SECOND / r.perSecond(), ms1(l.p99()),
					l.p99() <= TARGET_LIST_P99_MS ? " (within the p99 target)"
							: String.format(Locale.ROOT, " (%.1f× the p99 target)", l.p99() / TARGET_LIST_P99_MS),
					fastEnough.map(m -> String.format(Locale.ROOT, "with p99 within %.0f ms the most was %.0f "
							+ "requests/s at %d clients", TARGET_LIST_P99_MS, m.result().perSecond(),
							m.result().clients())).orElse("no level kept p99 within " + (int) TARGET_LIST_P99_MS + " ms"));
		}).orElse(goal + ": not measured in this run.");
	}

	private static String ms1(double millis) {
		return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, millis < 100 ? "%.1f" : "%.0f", millis);
	}

	private static String cores(Double cores) {
		return cores == null || cores.isNaN() ? "–" : String.format(Locale.ROOT, "%.2f", cores);
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
