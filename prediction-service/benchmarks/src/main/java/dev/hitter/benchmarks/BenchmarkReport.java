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
 * Runs the JMH benchmarks whose names match a pattern and writes their figures as a Markdown section to a
 * file, with the machine and the command, so that docs/benchmarks.md quotes measured numbers only.
 *
 * <p>{@code java -cp prediction-service/benchmarks/target/benchmarks-<version>.jar
 * dev.hitter.benchmarks.BenchmarkReport <output.md> [regex]}
 */
public final class BenchmarkReport {

	/** librosa 0.11 on this project's reference machine, the same 30 s log-mel (median of 10). */
	static final double LIBROSA_LOG_MEL_MS = 5.4;

	private BenchmarkReport() {
	}

	public static void main(String[] args) throws IOException, RunnerException {
		if (args.length < 1) {
			System.err.println("Usage: BenchmarkReport <output.md> [benchmark regex]");
			System.exit(2);
		}
		Path output = Path.of(args[0]);
		String include = args.length > 1 ? args[1] : "dev\\.hitter\\.benchmarks\\..*";
		Options options = new OptionsBuilder().include(include).build();
		Collection<RunResult> results = new Runner(options).run();
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output, markdown(include, results), StandardCharsets.UTF_8);
		System.out.println("figures written to " + output);
	}

	static String markdown(String include, Collection<RunResult> results) {
		StringBuilder md = new StringBuilder();
		md.append("<!-- written by dev.hitter.benchmarks.BenchmarkReport; do not edit by hand -->\n");
		md.append("Measured ").append(LocalDate.now()).append(" on ")
			.append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
			.append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
			.append(", ").append(cpuModel()).append(".\n\n");
		md.append("Command: `java -cp prediction-service/benchmarks/target/benchmarks-*.jar ")
			.append("dev.hitter.benchmarks.BenchmarkReport <file> '").append(include).append("'`\n\n");
		md.append("| Benchmark | Mode | Score | ± 99.9 % | Unit |\n|---|---|---:|---:|---|\n");
		List<String> notes = new ArrayList<>();
		for (RunResult run : results) {
			Result<?> primary = run.getPrimaryResult();
			String name = run.getParams().getBenchmark().replace("dev.hitter.benchmarks.", "");
			md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %s |%n", name,
					run.getParams().getMode().shortLabel(), primary.getScore(), primary.getScoreError(),
					primary.getScoreUnit()));
			if (name.endsWith("logMelOfThirtySeconds") && primary.getScoreUnit().equals("ms/op")) {
				notes.add(String.format(Locale.ROOT,
						"Log-mel of 30 s: %.2f ms on one core, %.1f× faster than librosa's %.1f ms on this machine.",
						primary.getScore(), LIBROSA_LOG_MEL_MS / primary.getScore(), LIBROSA_LOG_MEL_MS));
			}
		}
		md.append('\n');
		notes.forEach(note -> md.append(note).append("\n\n"));
		md.append("JVM arguments: ").append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append('\n');
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
