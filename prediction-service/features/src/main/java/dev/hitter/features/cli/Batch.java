package dev.hitter.features.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.hitter.features.RejectedInputException;

/**
 * One input file or a whole folder of them, each turned into one output file on a bounded pool of workers, with
 * a progress line per file in input order (so two runs over the same folder print the same lines, whatever the
 * threads finish first) and a closing line with the throughput. A file that is refused (not audio, too short, …)
 * or fails is reported and counted by kind; the batch goes on and never stops on one file.
 */
final class Batch {

	/** What to do with one file: read {@code input}, write {@code output}, return a short summary. */
	interface Job {

		String run(Path input, Path output) throws IOException;

	}

	/** What a run did: files written, refusals by code, failures; the wall time and threads it took. */
	record Outcome(int written, Map<String, Integer> refused, int failed, long nanos, int threads) {

		int notWritten() {
			return refused.values().stream().mapToInt(Integer::intValue).sum() + failed;
		}

		double perSecond() {
			return nanos == 0 ? 0 : written * 1e9 / nanos;
		}
	}

	/** One file's result, made on a worker and printed by the caller in input order. */
	private record FileResult(String line, String refusedCode, boolean failed) {
	}

	/** Files queued ahead of the one being printed, per worker: enough to keep every worker busy, few enough
	 * that a folder of a million files holds only a few results in memory. */
	private static final int QUEUED_PER_WORKER = 4;

	private final Set<String> extensions;

	private final String outputSuffix;

	private final PrintStream progress;

	private final String unit;

	Batch(Set<String> extensions, String outputSuffix, PrintStream progress) {
		this(extensions, outputSuffix, progress, "files");
	}

	/** {@code unit} names what one input is in the closing line ("tracks" → "12.5 tracks/s"). */
	Batch(Set<String> extensions, String outputSuffix, PrintStream progress, String unit) {
		this.extensions = extensions;
		this.outputSuffix = outputSuffix;
		this.progress = progress;
		this.unit = unit;
	}

	/** Runs the job on every input; returns the number of refused or failed files. */
	int run(Path in, Path out, int threads, Job job) throws IOException {
		return runAll(in, out, threads, job).notWritten();
	}

	/** Runs the job on every input with {@code threads} workers and says what it did. */
	Outcome runAll(Path in, Path out, int threads, Job job) throws IOException {
		List<Path[]> pairs = pairs(in, out);
		if (pairs.isEmpty()) {
			throw new UsageException("no input files with extension " + extensions + " in " + in);
		}
		int total = pairs.size();
		int workers = Math.max(1, Math.min(threads, total));
		long started = System.nanoTime();
		int written = 0;
		int failed = 0;
		Map<String, Integer> refused = new TreeMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(workers, worker());
		try {
			Deque<Future<FileResult>> queued = new ArrayDeque<>();
			int next = 0;
			int printed = 0;
			while (printed < total) {
				while (next < total && queued.size() < workers * QUEUED_PER_WORKER) {
					Path[] pair = pairs.get(next++);
					queued.add(pool.submit(() -> one(pair[0], pair[1], job)));
				}
				FileResult result = queued.removeFirst().get();
				printed++;
				if (result.refusedCode() != null) {
					refused.merge(result.refusedCode(), 1, Integer::sum);
				}
				else if (result.failed()) {
					failed++;
				}
				else {
					written++;
				}
				progress.printf("[%d/%d] %s%n", printed, total, result.line());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			// one() catches everything a file can throw; this is a bug in the batch itself
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		Outcome outcome = new Outcome(written, refused, failed, System.nanoTime() - started, workers);
		progress.println(summary(outcome));
		return outcome;
	}

	/** "done: 198 written, 2 refused (audio/not-audio 2), 0 failed in 12.3 s: 16.1 tracks/s on 2 threads". */
	String summary(Outcome outcome) {
		int refusals = outcome.notWritten() - outcome.failed();
		StringBuilder line = new StringBuilder("done: ").append(outcome.written()).append(" written, ").append(refusals)
			.append(" refused");
		if (refusals > 0) {
			StringJoiner kinds = new StringJoiner(", ", " (", ")");
			outcome.refused().forEach((code, count) -> kinds.add(code + " " + count));
			line.append(kinds);
		}
		line.append(", ").append(outcome.failed()).append(" failed");
		line.append(String.format(Locale.ROOT, " in %.1f s: %.2f %s/s on %d thread%s", outcome.nanos() / 1e9,
				outcome.perSecond(), unit, outcome.threads(), outcome.threads() == 1 ? "" : "s"));
		return line.toString();
	}

	/** One file, never throwing: a refusal or failure becomes its report line. */
	private static FileResult one(Path input, Path output, Job job) {
		long started = System.nanoTime();
		try {
			Files.createDirectories(output.toAbsolutePath().getParent());
			String summary = job.run(input, output);
			return new FileResult(input + " -> " + output + " " + summary + " ("
					+ (System.nanoTime() - started) / 1_000_000 + " ms)", null, false);
		}
		catch (RejectedInputException ex) {
			return new FileResult(input + " refused (" + ex.code() + "): " + ex.getMessage(), ex.code(), false);
		}
		catch (Exception | LinkageError | AssertionError | StackOverflowError | OutOfMemoryError ex) {
			// Anything one file can cause, native libraries included, is that file's failure, not the batch's;
			// an out-of-memory here came from this file's buffers, which are garbage again once it is dropped.
			return new FileResult(input + " failed: " + ex, null, true);
		}
	}

	/** Daemon workers: a caller that stops waiting (interrupt) does not keep the JVM alive. */
	private static ThreadFactory worker() {
		AtomicInteger count = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, "features-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** Input and output path of every file; a folder maps to a folder of the same layout. */
	List<Path[]> pairs(Path in, Path out) throws IOException {
		if (!Files.exists(in)) {
			throw new UsageException(in + " does not exist");
		}
		if (!Files.isDirectory(in)) {
			return List.<Path[]>of(new Path[] { in, Files.isDirectory(out) ? out.resolve(outputName(in)) : out });
		}
		try (Stream<Path> files = Files.walk(in)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> extensions.contains(extension(file)))
				.sorted()
				.map(file -> new Path[] { file, out.resolve(in.relativize(file)).resolveSibling(outputName(file)) })
				.toList();
		}
	}

	private String outputName(Path input) {
		String name = input.getFileName().toString();
		if (name.endsWith(".pcm.npy")) {
			return name.substring(0, name.length() - ".pcm.npy".length()) + outputSuffix;
		}
		int dot = name.lastIndexOf('.');
		return (dot > 0 ? name.substring(0, dot) : name) + outputSuffix;
	}

	static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
