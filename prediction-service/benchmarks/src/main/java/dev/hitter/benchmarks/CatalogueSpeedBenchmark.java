package dev.hitter.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jtransforms.fft.FloatFFT_1D;

import dev.hitter.features.audio.AudioDecoder;
import dev.hitter.features.audio.SegmentRule;
import dev.hitter.features.mel.LogMelSpectrogram;
import dev.hitter.features.mel.MelSpec;
import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyArray;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15's catalogue-speed figures, run by hand (never in CI), written into the section
 * {@code catalogue-speed} of a Markdown file:
 * <ol>
 * <li>the log-mel of 30 s (spec melon-v1, one thread) in Java against librosa 0.11's
 * {@code feature.melspectrogram} plus the same log compression, in the machine's Python, interleaved round by
 * round in one run (Java, librosa, Java, librosa, …) and compared by medians, because the machine is shared;
 * <li>{@code ./hitter features mel} over a folder of four-minute MP3s that the benchmark makes, in tracks per
 * second with one worker and with every core, each run in its own JVM as a person runs the command.
 * </ol>
 *
 * <p>In a JVM started with {@code --add-modules jdk.incubator.vector} it also times {@link VectorLogMelExperiment},
 * which asks how far SIMD around the same FFTs would go.
 *
 * <p>{@code nice -n 10 java [--add-modules jdk.incubator.vector] -cp prediction-service/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar
 * dev.hitter.benchmarks.CatalogueSpeedBenchmark --report docs/benchmarks.md --python python3}
 * (options: {@code --rounds 30 --per-round 20 --tracks 200 --distinct 4 --repeats 3 --dir DIR --keep}).
 */
public final class CatalogueSpeedBenchmark {

	static final String SECTION = "catalogue-speed";

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> options;

	private CatalogueSpeedBenchmark(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				usage("unexpected argument " + args[i]);
			}
			String name = args[i].substring(2);
			options.put(name, name.equals("keep") || name.equals("skip-tracks") ? "true" : i + 1 < args.length ? args[++i] : "");
		}
		new CatalogueSpeedBenchmark(options).run(String.join(" ", args));
	}

	private static void usage(String problem) {
		System.err.println(problem + "\nUsage: CatalogueSpeedBenchmark [--report docs/benchmarks.md] [--python python3] "
				+ "[--rounds 30] [--per-round 20] [--tracks 200] [--distinct 4] [--repeats 3] [--dir DIR] [--keep] [--skip-tracks]");
		System.exit(2);
	}

	private void run(String arguments) throws Exception {
		Path report = Path.of(options.getOrDefault("report", "docs/benchmarks.md"));
		StringBuilder md = new StringBuilder();
		md.append(BenchmarkReport.measuredOn()).append(". The machine was shared with other work during the run ")
			.append("(load average at the start: ").append(loadAverage()).append("): compare the figures of one run ")
			.append("with each other, not with other runs.\n\n");
		md.append("Command (after `./mvnw -q -DskipTests -pl prediction-service/benchmarks -am package`): ")
			.append("`nice -n 10 java ")
			.append(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "--add-modules jdk.incubator.vector " : "")
			.append("-cp prediction-service/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar ")
			.append("dev.hitter.benchmarks.CatalogueSpeedBenchmark ").append(arguments).append("`\n\n");
		md.append(logMelSideBySide());
		if (!options.containsKey("skip-tracks")) {
			md.append(tracksPerSecond());
		}
		BenchmarkReport.writeSection(report, SECTION, md.toString());
	}

	// ---------------------------------------------------------------- log-mel of 30 s: Java against librosa

	private String logMelSideBySide() throws Exception {
		int rounds = integer("rounds", 30);
		int perRound = integer("per-round", 20);
		float[] pcm = thirtySeconds();
		Path work = Files.createTempDirectory("hitter-logmel-");
		Path pcmFile = work.resolve("pcm.npy");
		Path librosaMel = work.resolve("librosa.mel.npy");
		Npy.writeFloats(pcmFile, NpyArray.ofFloats(pcm, pcm.length));
		Path script = work.resolve("librosa_log_mel.py");
		try (InputStream in = CatalogueSpeedBenchmark.class.getResourceAsStream("librosa_log_mel.py")) {
			Files.copy(in, script);
		}
		ProcessBuilder builder = new ProcessBuilder(options.getOrDefault("python", "python3"), script.toString(),
				pcmFile.toString(), librosaMel.toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		// One thread on both sides. OPENBLAS_CORETYPE/L2_SIZE, set on some machines for old OpenBLAS builds,
		// slow a current NumPy: librosa runs without them, as on a user's machine.
		builder.environment().remove("OPENBLAS_CORETYPE");
		builder.environment().remove("OPENBLAS_L2_SIZE");
		for (String threads : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
			builder.environment().put(threads, "1");
		}
		Process python = builder.start();
		try {
			BufferedReader fromPython = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
			PrintWriter toPython = new PrintWriter(new OutputStreamWriter(python.getOutputStream(), StandardCharsets.UTF_8), true);
			JsonNode ready = JSON.readTree(line(fromPython, python));

			LogMelSpectrogram melon = new LogMelSpectrogram(MelSpec.MELON_V1);
			float[] java = melon.compute(pcm).values();
			float[] librosa = Npy.read(librosaMel).values();
			double difference = maxDifference(java, librosa);
			FftOnly fft = new FftOnly(pcm);
			// The Vector API experiment runs only in a JVM started with --add-modules jdk.incubator.vector.
			boolean vectors = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
			VectorExperiment experiment = vectors ? VectorExperiment.of(pcm) : null;
			double vectorDifference = vectors ? maxDifference(java, experiment.run()) : Double.NaN;
			for (int i = 0; i < 300; i++) { // C2 compiles the hot path before anything is timed
				melon.compute(pcm);
				fft.run();
				if (vectors) {
					experiment.run();
				}
			}
			Samples javaTimes = new Samples();
			Samples fftTimes = new Samples();
			Samples librosaTimes = new Samples();
			Samples vectorTimes = new Samples();
			for (int round = 0; round < rounds; round++) {
				for (int i = 0; i < perRound; i++) {
					javaTimes.time(() -> melon.compute(pcm));
				}
				for (int i = 0; i < perRound; i++) {
					fftTimes.time(fft::run);
				}
				for (int i = 0; vectors && i < perRound; i++) {
					vectorTimes.time(experiment::run);
				}
				toPython.println("time " + perRound);
				JsonNode times = JSON.readTree(line(fromPython, python));
				times.get("wall").forEach(node -> librosaTimes.wall.add(node.asDouble()));
				times.get("cpu").forEach(node -> librosaTimes.cpu.add(node.asDouble()));
			}
			toPython.println("quit");
			return logMelMarkdown(rounds, perRound, javaTimes, fftTimes, librosaTimes, difference, ready)
					+ (vectors ? vectorMarkdown(vectorTimes, fftTimes, librosaTimes, vectorDifference) : "");
		}
		finally {
			python.destroy();
			python.waitFor(10, TimeUnit.SECONDS);
			try (Stream<Path> files = Files.list(work)) {
				for (Path file : files.toList()) {
					Files.deleteIfExists(file);
				}
			}
			Files.deleteIfExists(work);
		}
	}

	private static String logMelMarkdown(int rounds, int perRound, Samples java, Samples fft, Samples librosa,
			double difference, JsonNode ready) {
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "**Log-mel of 30 s** (spec `melon-v1`, 480,000 samples → 48 × 1,876, "
				+ "one thread each), %d interleaved rounds of %d calls per side: medians of %d calls.%n%n", rounds, perRound,
				rounds * perRound));
		md.append("| | wall ms (median) | CPU ms (median) |\n|---|---:|---:|\n");
		md.append(row("Java `LogMelSpectrogram`", java));
		md.append(row("Java: its JTransforms FFTs alone (938 complex FFTs of 512 points)", fft));
		md.append(row("librosa " + ready.path("librosa").asString() + " `feature.melspectrogram` + `log10(1 + 10000 m)`",
				librosa));
		double wallRatio = librosa.medianWall() / java.medianWall();
		double cpuRatio = librosa.medianCpu() / java.medianCpu();
		md.append(String.format(Locale.ROOT, "%nJava runs at **%.2f×** librosa's speed by wall clock and **%.2f×** by "
				+ "CPU time. The target, 2×, is %s. Wall clock is what a user waits, but on a machine this loaded it "
				+ "mostly measures how the scheduler shares the cores; CPU time (the thread's own, descheduled time "
				+ "excluded) is the steadier comparison. JTransforms' FFTs alone take %.0f %% of librosa's CPU time "
				+ "(%.0f %% of its wall time): with them, the whole log-mel can be at most %.2f× librosa's speed by CPU "
				+ "time (%.2f× by wall clock), and the rest of the log-mel takes %.2f ms of CPU.%n%n",
				wallRatio, cpuRatio, verdict(wallRatio, cpuRatio), 100 * fft.medianCpu() / librosa.medianCpu(),
				100 * fft.medianWall() / librosa.medianWall(), librosa.medianCpu() / fft.medianCpu(),
				librosa.medianWall() / fft.medianWall(), java.medianCpu() - fft.medianCpu()));
		md.append(String.format(Locale.ROOT, "Java's and librosa's log-mels of this signal differ by at most %.1e "
				+ "(librosa computes in float32 too). Python side: Python %s, NumPy %s, BLAS %s.%n%n", difference,
				ready.path("python").asString(), ready.path("numpy").asString(), ready.path("blas").toString()));
		return md.toString();
	}

	private static String vectorMarkdown(Samples vector, Samples fft, Samples librosa, double difference) {
		return String.format(Locale.ROOT, "**Experiment: the same FFTs, everything else in the JDK 17 Vector API** "
				+ "(`VectorLogMelExperiment`, benchmark code only; the JVM ran with `--add-modules jdk.incubator.vector`), "
				+ "timed in the same rounds:%n%n| | wall ms (median) | CPU ms (median) |%n|---|---:|---:|%n%s%n%n"
				+ "It runs at **%.2f×** librosa's speed by CPU time (%.2f× by wall clock); its work besides the FFTs takes "
				+ "%.2f ms of CPU. Its log-mel differs from `LogMelSpectrogram`'s by at most %.1e.%n%n",
				row("Java, Vector API experiment", vector).strip(), librosa.medianCpu() / vector.medianCpu(),
				librosa.medianWall() / vector.medianWall(), vector.medianCpu() - fft.medianCpu(), difference);
	}

	private static String verdict(double wallRatio, double cpuRatio) {
		if (wallRatio >= 2 && cpuRatio >= 2) {
			return "met by both";
		}
		if (wallRatio >= 2 || cpuRatio >= 2) {
			return "met by " + (wallRatio >= 2 ? "wall clock" : "CPU time") + " only";
		}
		return "not met";
	}

	private static String row(String name, Samples samples) {
		return String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", name, samples.medianWall(), samples.medianCpu());
	}

	/** The signal of {@code LogMelBenchmark}: tones and noise (the FFT and the log cost the same whatever it is). */
	static float[] thirtySeconds() {
		SplittableRandom random = new SplittableRandom(42);
		float[] pcm = new float[30 * 16_000];
		for (int i = 0; i < pcm.length; i++) {
			double t = i / 16_000.0;
			pcm[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 1760 * t)
					+ 0.05 * (random.nextDouble() - 0.5));
		}
		return pcm;
	}

	/** The FFT work inside one log-mel: 938 complex FFTs of 512 points (two frames each), nothing else. */
	private static final class FftOnly {

		private final FloatFFT_1D fft = new FloatFFT_1D(512);

		private final float[] pairs;

		private final float[] buffer = new float[1024];

		FftOnly(float[] pcm) {
			this.pairs = Arrays.copyOf(pcm, 1024 * 16); // sixteen different pairs, copied in before each FFT
		}

		void run() {
			for (int k = 0; k < 938; k++) {
				System.arraycopy(pairs, (k & 15) * 1024, buffer, 0, 1024);
				fft.complexForward(buffer);
			}
		}
	}

	/** Loads the experiment's class only when the incubator module is there (its types would not resolve otherwise). */
	private record VectorExperiment(VectorLogMelExperiment mel, float[] pcm) {

		static VectorExperiment of(float[] pcm) {
			return new VectorExperiment(new VectorLogMelExperiment(MelSpec.MELON_V1), pcm);
		}

		float[] run() {
			return mel.compute(pcm);
		}
	}

	/** Wall-clock and thread-CPU milliseconds of repeated calls. */
	private static final class Samples {

		final List<Double> wall = new ArrayList<>();

		final List<Double> cpu = new ArrayList<>();

		void time(Runnable call) {
			long cpu0 = THREADS.getCurrentThreadCpuTime();
			long wall0 = System.nanoTime();
			call.run();
			wall.add((System.nanoTime() - wall0) / 1e6);
			cpu.add((THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6);
		}

		double medianWall() {
			return median(wall);
		}

		double medianCpu() {
			return median(cpu);
		}
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static double maxDifference(float[] a, float[] b) {
		if (a.length != b.length) {
			throw new IllegalStateException("librosa gave " + b.length + " cells, Java " + a.length);
		}
		double worst = 0;
		for (int i = 0; i < a.length; i++) {
			worst = Math.max(worst, Math.abs(a[i] - b[i]));
		}
		return worst;
	}

	private static String line(BufferedReader reader, Process process) throws IOException {
		String line = reader.readLine();
		if (line == null) {
			throw new IOException("the Python side ended (exit " + exitOf(process) + "); is librosa 0.11 installed "
					+ "(pip install librosa==0.11.0)? See its error above.");
		}
		return line;
	}

	private static String exitOf(Process process) {
		try {
			return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	// ---------------------------------------------------------------- features mel over a folder of MP3s

	private String tracksPerSecond() throws Exception {
		int tracks = integer("tracks", 200);
		int distinct = Math.max(1, Math.min(tracks, integer("distinct", 4)));
		int repeats = integer("repeats", 3);
		int cores = Runtime.getRuntime().availableProcessors();
		Path dir = Path.of(options.getOrDefault("dir", System.getProperty("java.io.tmpdir") + "/hitter-catalogue"));
		Path mp3s = dir.resolve("mp3");
		Path mels = dir.resolve("mels");
		long made = System.nanoTime();
		boolean reused = isComplete(mp3s, tracks);
		long bytes = catalogue(mp3s, tracks, distinct);
		String making = reused ? "kept from an earlier run with --keep"
				: String.format(Locale.ROOT, "making them took %.0f s", (System.nanoTime() - made) / 1e9);
		List<Integer> threadCounts = cores == 1 ? List.of(1) : List.of(1, cores);
		Map<Integer, List<double[]>> runs = new LinkedHashMap<>();
		try {
			for (int repeat = 0; repeat < repeats; repeat++) {
				for (int threads : threadCounts) { // interleaved: 1, all, 1, all
					deleteTree(mels);
					runs.computeIfAbsent(threads, t -> new ArrayList<>()).add(featuresMel(mp3s, mels, threads, tracks));
				}
			}
		}
		finally {
			deleteTree(mels);
			if (!options.containsKey("keep")) {
				deleteTree(dir);
			}
		}
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "**`./hitter features mel` over a folder** of %d four-minute 44.1 kHz "
				+ "stereo MP3s at 192 kb/s (%.0f MB; %d distinct tracks made by FFmpeg's LAME encoder — `SyntheticTrack`, "
				+ "a chord and a click, one semitone apart — each copied to fill the %d files; %s), "
				+ "default segment (seconds 20–50, decoded by seeking), each run a fresh JVM "
				+ "(`dev.hitter.features.cli.FeaturesCommand mel --in DIR --out DIR --threads N`, the class "
				+ "`./hitter features` runs), runs interleaved (1 thread, %d threads, 1, …). Tracks/s as the command "
				+ "reports it (written tracks over the batch's wall time, JVM start excluded).%n%n", tracks,
				bytes / 1e6, distinct, tracks, making, cores));
		md.append("| workers | tracks/s per run | median tracks/s | CPU ms per track (median) | cores busy (median) | written |\n"
				+ "|---:|---|---:|---:|---:|---:|\n");
		for (Map.Entry<Integer, List<double[]>> entry : runs.entrySet()) {
			List<Double> rates = entry.getValue().stream().map(run -> run[0]).toList();
			List<Double> cpuPerTrack = entry.getValue().stream().map(run -> 1000 * run[2] / run[1]).toList();
			List<Double> busy = entry.getValue().stream().map(run -> run[2] / run[3]).toList();
			md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.0f | %.2f | %.0f |%n", entry.getKey(),
					String.join(", ", rates.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).toList()), median(rates),
					median(cpuPerTrack), median(busy), entry.getValue().get(0)[1]));
		}
		md.append("\nCPU ms per track and cores busy count the whole JVM (start-up and JIT compilation included): "
				+ "its CPU time over the process's wall time. On an idle machine cores busy would be close to the "
				+ "number of workers; below that, the workers waited for a core that other work held.\n");
		if (runs.size() == 2) {
			double speedUp = median(runs.get(cores).stream().map(run -> run[0]).toList())
					/ median(runs.get(1).stream().map(run -> run[0]).toList());
			md.append(String.format(Locale.ROOT, "%n%d workers give %.2f× the tracks/s of one.%n", cores, speedUp));
		}
		return md.append('\n').toString();
	}

	private static List<Path> trackFiles(Path mp3s, int tracks) {
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < tracks; i++) {
			files.add(mp3s.resolve(String.format(Locale.ROOT, "track-%04d.mp3", i)));
		}
		return files;
	}

	private static boolean isComplete(Path mp3s, int tracks) {
		return trackFiles(mp3s, tracks).stream().allMatch(Files::isRegularFile);
	}

	/** Makes the folder of MP3s unless it already holds them (kept from an earlier run with --keep). */
	private static long catalogue(Path mp3s, int tracks, int distinct) throws Exception {
		Files.createDirectories(mp3s);
		List<Path> files = trackFiles(mp3s, tracks);
		if (!isComplete(mp3s, tracks)) {
			ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
			try {
				List<Future<Path>> encoded = new ArrayList<>();
				for (int variant = 0; variant < distinct; variant++) {
					Path file = files.get(variant);
					int v = variant;
					encoded.add(pool.submit(() -> SyntheticTrack.mp3(file, 240, v)));
				}
				for (Future<Path> future : encoded) {
					future.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			for (int i = distinct; i < tracks; i++) {
				Files.copy(files.get(i % distinct), files.get(i), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		// FFmpeg's natives unpack on first use: here, not inside the first timed run.
		new AudioDecoder().decode(files.get(0), SegmentRule.melon());
		long bytes = 0;
		for (Path file : files) {
			bytes += Files.size(file);
		}
		return bytes;
	}

	/** Runs the command in a fresh JVM; returns {tracks/s, written}. */
	private static double[] featuresMel(Path in, Path out, int threads, int expected) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				"dev.hitter.features.cli.FeaturesCommand", "mel", "--in", in.toString(), "--out", out.toString(),
				"--threads", String.valueOf(threads))
			.redirectErrorStream(true)
			.start();
		long started = System.nanoTime();
		CpuWatch cpu = new CpuWatch(process.toHandle());
		String last = "";
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.startsWith("done:")) {
					last = line;
				}
			}
		}
		int exit = process.waitFor();
		double wallSeconds = (System.nanoTime() - started) / 1e9;
		double cpuSeconds = cpu.stop();
		Matcher m = Pattern.compile("done: (\\d+) written.* ([0-9.]+) tracks/s on (\\d+) thread").matcher(last);
		if (exit != 0 || !m.find() || Integer.parseInt(m.group(1)) != expected) {
			throw new IllegalStateException("features mel --threads " + threads + " exited " + exit + ": " + last);
		}
		System.out.println("features mel --threads " + threads + ": " + last + String.format(Locale.ROOT,
				" (process: %.1f s wall, %.1f s CPU)", wallSeconds, cpuSeconds));
		return new double[] { Double.parseDouble(m.group(2)), Integer.parseInt(m.group(1)), cpuSeconds, wallSeconds };
	}

	/**
	 * The CPU time of a child process, all its threads: read every 50 ms while it runs (a process's counters are
	 * gone once it has exited), so the last 50 ms may be missing.
	 */
	private static final class CpuWatch {

		private final Thread watcher;

		private volatile double seconds;

		CpuWatch(ProcessHandle process) {
			watcher = new Thread(() -> {
				while (process.isAlive()) {
					process.info().totalCpuDuration().ifPresent(d -> seconds = d.toNanos() / 1e9);
					try {
						Thread.sleep(50);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "cpu-watch");
			watcher.setDaemon(true);
			watcher.start();
		}

		double stop() throws InterruptedException {
			watcher.join(1_000);
			return seconds;
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private int integer(String name, int fallback) {
		String value = options.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			usage("--" + name + " must be a whole number, not '" + value + "'");
			return fallback;
		}
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}
}
