package dev.hitter.features.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.hitter.features.RejectedInputException;

/**
 * One input file or a whole folder of them, each turned into one output file, in parallel, with a progress
 * line per file. A file that is refused (not audio, too short, …) is reported and skipped; the batch goes on.
 */
final class Batch {

	/** What to do with one file: read {@code input}, write {@code output}, return a short summary. */
	interface Job {

		String run(Path input, Path output) throws IOException;

	}

	private final Set<String> extensions;

	private final String outputSuffix;

	private final PrintStream progress;

	Batch(Set<String> extensions, String outputSuffix, PrintStream progress) {
		this.extensions = extensions;
		this.outputSuffix = outputSuffix;
		this.progress = progress;
	}

	/** Runs the job on every input; returns the number of refused or failed files. */
	int run(Path in, Path out, int threads, Job job) throws IOException {
		List<Path[]> pairs = pairs(in, out);
		if (pairs.isEmpty()) {
			throw new UsageException("no input files with extension " + extensions + " in " + in);
		}
		AtomicInteger done = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		int total = pairs.size();
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total));
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (Path[] pair : pairs) {
				futures.add(pool.submit(() -> {
					long started = System.nanoTime();
					String line;
					try {
						Files.createDirectories(pair[1].toAbsolutePath().getParent());
						String summary = job.run(pair[0], pair[1]);
						line = pair[0] + " -> " + pair[1] + " " + summary + " ("
								+ (System.nanoTime() - started) / 1_000_000 + " ms)";
					}
					catch (RejectedInputException ex) {
						failed.incrementAndGet();
						line = pair[0] + " refused (" + ex.code() + "): " + ex.getMessage();
					}
					catch (IOException | RuntimeException ex) {
						failed.incrementAndGet();
						line = pair[0] + " failed: " + ex;
					}
					synchronized (progress) {
						progress.printf("[%d/%d] %s%n", done.incrementAndGet(), total, line);
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IOException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		progress.printf("done: %d written, %d refused or failed%n", total - failed.get(), failed.get());
		return failed.get();
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
