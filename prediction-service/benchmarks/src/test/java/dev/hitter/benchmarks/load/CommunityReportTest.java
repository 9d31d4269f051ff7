package dev.hitter.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.benchmarks.BenchmarkReport;
import dev.hitter.benchmarks.load.LatencyRecorder.Latencies;

class CommunityReportTest {

	private static final LoadOptions OPTIONS = LoadOptions.parse(new String[] { "community", "--clients", "4,16" });

	private static LoadReport.Measured measured(String operation, int clients, double perSecond, double p99) {
		return measured(operation, clients, perSecond, p99, Map.of());
	}

	private static LoadReport.Measured measured(String operation, int clients, double perSecond, double p99,
			Map<String, Integer> refusals) {
		int refused = refusals.values().stream().mapToInt(Integer::intValue).sum();
		LoadLevel.Result result = new LoadLevel.Result(clients, 100 + refused,
				new Latencies(100, p99 / 4, p99 / 2, p99, p99 * 2), refusals, Map.of(), perSecond, Map.of());
		return new LoadReport.Measured(operation, result, Map.of("gateway", 0.8, "community", 0.6, "auth", 0.0,
				"database", 0.2, "generator", 0.3, "other", 0.1, "machine", 2.0), 3.5);
	}

	@Test
	void targetIsMetWhenOneLevelListsFastEnoughWithinTheP99() {
		String target = LoadReport.communityTarget(List.of(measured("list", 4, 1500, 10), measured("list", 16, 2100, 45),
				measured("read", 16, 3000, 5)));

		assertThat(target).contains("**met**").contains("at 16 clients").contains("2100 requests/s").contains("p99 45.0 ms");
	}

	@Test
	void missedTargetSaysByHowMuchForThroughputAndP99() {
		String target = LoadReport.communityTarget(List.of(measured("list", 4, 400, 20), measured("list", 16, 500, 100),
				measured("read", 16, 5000, 5)));

		assertThat(target).contains("**not met**")
			.contains("The most list requests per second were 500 at 16 clients (25 % of the target, 4.0× short)")
			.contains("with p99 100 ms (2.0× the p99 target)")
			.contains("with p99 within 50 ms the most was 400 requests/s at 4 clients");
	}

	@Test
	void readsDoNotCountTowardsTheListTarget() {
		assertThat(LoadReport.communityTarget(List.of(measured("read", 4, 9000, 1)))).endsWith("not measured in this run.");
	}

	@Test
	void reportHasEveryLevelAndOperationWithCpuPerRequest() {
		CommunityLoad board = new CommunityLoad(List.of());
		String report = LoadReport.community(OPTIONS, LoadReport.command(new String[] { "community", "--clients", "4,16" }),
				Optional.of("started for this run"), board, 12, List.of(measured("list", 4, 400, 20),
						measured("read", 4, 800, 8)), 0, 3.25);

		assertThat(report).contains("Command: `./hitter bench community --clients 4,16`")
			.contains("1-minute load average 3.25 before the first level")
			.contains("System under test: started for this run.")
			.contains("Members: 16 fresh members")
			.contains("| 4 | list | 100 | 100 | 0 | 0 | 5.0 | 10.0 | 20.0 | 40.0 | 400 | 3.50 |")
			.contains("| 4 | read | 100 | 100 | 0 | 0 | 2.0 | 4.0 | 8.0 | 16.0 | 800 | 3.50 |")
			// 0.8 + 0.6 + 0.0 + 0.2 cores for 400 requests/s: 4 ms of the system's CPU per list request.
			.contains("| 4 | list | 0.80 | 0.60 | 0.00 | 0.20 | 0.30 | 0.10 | 2.00 | 4.0 |")
			.contains("latencies and OK/s count 200 answers only): none.")
			.contains("**not met**");
	}

	@Test
	void refusalsAreShownBesideTheAnswersThatCounted() {
		String report = LoadReport.community(OPTIONS, "./hitter bench community", Optional.empty(),
				new CommunityLoad(List.of()), 0, List.of(measured("list", 64, 5, 140, Map.of("503 service-unavailable", 6130))),
				0, -1);

		assertThat(report).contains("| 64 | list | 6230 | 100 | 6130 | 0 |")
			.contains("64 clients list: 6130 × refused 503 service-unavailable");
	}

	@Test
	void figuresGoBetweenTheirOwnMarkersAndLeaveTheUploadFiguresAlone(@TempDir Path dir) throws IOException {
		Path doc = dir.resolve("benchmarks.md");
		Files.writeString(doc, "# Benchmarks\n\n<!-- figures:load -->\nupload figures\n<!-- /figures:load -->\n\n"
				+ "## Community\n\n<!-- figures:community-load -->\nold\n<!-- /figures:community-load -->\n\nafter\n");

		BenchmarkReport.writeSection(doc, OPTIONS.workload().section, "new community figures\n");

		String text = Files.readString(doc, StandardCharsets.UTF_8);
		assertThat(text).contains("<!-- figures:load -->\nupload figures\n<!-- /figures:load -->")
			.contains("<!-- figures:community-load -->\nnew community figures\n<!-- /figures:community-load -->\n\nafter\n")
			.doesNotContain("old");
	}
}
