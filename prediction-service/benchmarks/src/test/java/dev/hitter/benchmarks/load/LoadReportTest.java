package dev.hitter.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoadReportTest {

	@Test
	void commandInTheReportHidesThePassword() {
		String command = LoadReport.command(new String[] { "--email", "label@example.com", "--password",
				"Hunter-2-secret!", "--clients", "4" });

		assertThat(command).doesNotContain("Hunter-2-secret!")
			.isEqualTo("./hitter bench load --email label@example.com --password *** --clients 4");
	}

	@Test
	void reportSaysEachClientWasItsOwnFreshMember() {
		LoadOptions options = LoadOptions.parse(new String[] { "--clients", "1,4,16" });

		String report = LoadReport.markdown(options, LoadReport.command(new String[0]), Optional.empty(), 1, 1, 1,
				List.of(), 0, 0, -1);

		assertThat(report).contains("each client is its own member, 16 fresh members signed up for this run")
			.doesNotContain("analysis-limit-reached");
	}

	@Test
	void reportSaysTheShareAppliesWhenEveryClientIsOneExistingMember() {
		LoadOptions options = LoadOptions.parse(new String[] { "--email", "label@example.com", "--password",
				"Hunter-2-secret!", "--clients", "4" });

		String report = LoadReport.markdown(options, "./hitter bench load", Optional.empty(), 1, 1, 1, List.of(), 0,
				0, -1);

		assertThat(report).contains("every client is the one existing member given with `--email`")
			.contains("per-member share of the analyses applies")
			.contains("`HITTER_PREDICTION_MAX_ANALYSES_PER_MEMBER`")
			.contains("429 `analysis-limit-reached`")
			.doesNotContain("label@example.com");
	}
}
