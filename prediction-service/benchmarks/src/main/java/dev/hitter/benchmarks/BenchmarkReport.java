package dev.hitter.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks whose names match a pattern and writes their figures, with the machine and the
 * command, into a named section of a Markdown file (between {@code <!-- figures:NAME -->} and
 * {@code <!-- /figures:NAME -->}, appended if absent), so that docs/benchmarks.md quotes measured numbers only.
 *
 * <p>{@code java -cp prediction-service/benchmarks/target/benchmarks-<version>.jar
 * dev.hitter.benchmarks.BenchmarkReport docs/benchmarks.md <section> [regex]}
 */
public final class BenchmarkReport {

	/** librosa 0.11 on this project's reference machine, the same 30 s log-mel (median of 10). */
	static final double LIBROSA_LOG_MEL_MS = 5.4;

	private BenchmarkReport() {
	}

	public static void main(String[] args) throws IOException, RunnerException {
		if (args.length < 2) {
			System.err.println("Usage: BenchmarkReport <file.md> <section> [benchmark regex]");
			System.exit(2);
		}
		Path output = Path.of(args[0]);
		String section = args[1];
		String include = args.length > 2 ? args[2] : "dev\\.hitter\\.benchmarks\\..*";
		Options options = new OptionsBuilder().include(include).build();
		Collection<RunResult> results = new Runner(options).run();
		writeSection(output, section, markdown(section, include, results));
	}

	/** Puts {@code figures} into the section {@code NAME} of a Markdown file, replacing what it held. */
	public static void writeSection(Path output, String section, String figures) throws IOException {
		String text = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
		Files.writeString(output, withSection(text, section, figures), StandardCharsets.UTF_8);
		System.out.println("figures written to section '" + section + "' of " + output);
	}

	/** "Measured DATE on N cores, JVM, CPU" as every section starts, for the JVM that measured. */
	public static String measuredOn() {
		return "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ System.getProperty("java.vm.name") + ' ' + System.getProperty("java.version") + ", " + cpuModel();
	}

	static String withSection(String text, String section, String figures) {
		String open = "<!-- figures:" + section + " -->";
		String close = "<!-- /figures:" + section + " -->";
		String block = open + "\n" + figures + close;
		int start = text.indexOf(open);
		int end = text.indexOf(close);
		if (start >= 0 && end > start) {
			return text.substring(0, start) + block + text.substring(end + close.length());
		}
		return text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + block + "\n";
	}

	static String markdown(String section, String include, Collection<RunResult> results) {
		StringBuilder md = new StringBuilder();
		md.append(measuredOn()).append(".\n\n");
		md.append("Command (after `./mvnw -q -DskipTests -pl prediction-service/benchmarks -am package`): ")
			.append("`java -cp prediction-service/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar ")
			.append("dev.hitter.benchmarks.BenchmarkReport docs/benchmarks.md ").append(section).append(" '")
			.append(include).append("'`\n\n");
		md.append("| Benchmark | Mode | Score | ± 99.9 % | Unit |\n|---|---|---:|---:|---|\n");
		List<String> notes = new ArrayList<>();
		for (RunResult run : results) {
			Result<?> primary = run.getPrimaryResult();
			String name = run.getParams().getBenchmark().replace("dev.hitter.benchmarks.", "");
			List<String> params = new ArrayList<>();
			for (String key : run.getParams().getParamsKeys()) {
				params.add(key + "=" + run.getParams().getParam(key));
			}
			String shown = params.isEmpty() ? name : name + " (" + String.join(", ", params) + ")";
			md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %s |%n", shown,
					run.getParams().getMode().shortLabel(), primary.getScore(), primary.getScoreError(),
					primary.getScoreUnit()));
			if (name.endsWith("logMelOfThirtySeconds") && primary.getScoreUnit().equals("ms/op")) {
				notes.add(String.format(Locale.ROOT,
						"Log-mel of 30 s: %.2f ms on one core; librosa takes %.1f ms for the same work on this machine, so "
								+ "this runs at %.2f× librosa's speed.",
						primary.getScore(), LIBROSA_LOG_MEL_MS, LIBROSA_LOG_MEL_MS / primary.getScore()));
			}
		}
		md.append('\n');
		notes.forEach(note -> md.append(note).append("\n\n"));
		md.append("JVM arguments of the report: ").append(ManagementFactory.getRuntimeMXBean().getInputArguments())
			.append("; each benchmark's fork adds its own (`@Fork` in its class).\n");
		return md.toString();
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(line -> line.startsWith("model name"))
				.findFirst()
				.map(line -> line.substring(line.indexOf(':') + 1).trim())
				.orElse("unknown CPU");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown CPU";
		}
	}
}
