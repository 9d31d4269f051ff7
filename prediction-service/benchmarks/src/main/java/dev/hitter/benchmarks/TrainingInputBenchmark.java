package dev.hitter.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.hitter.models.Genre;
import dev.hitter.trainer.data.MelSource;
import dev.hitter.trainer.data.Song;
import dev.hitter.trainer.data.shard.MelShard;
import dev.hitter.trainer.data.shard.MelShardWriter;
import dev.hitter.trainer.data.shard.PrefetchingLoader;
import dev.hitter.trainer.network.AudioNetwork;

/**
 * Songs per second of a training epoch's input, run by hand (never in CI): generates Melon-like float16 mels
 * ({@code arena_mel/<id / 1000>/<id>.npy}, 48 × 1,876), packs them into a mel shard, and reads one epoch in a
 * seeded shuffled order, batches of 16, three ways side by side in the same run — (a) today's path before shards:
 * one thread opening and parsing each {@code .npy} in turn ({@code MelSource.npy}); (b) the mapped shard through the
 * prefetching loader; (c) the {@code .npy} files through the same loader — each with the page cache emptied of the
 * data first (cold: a 100,000-song set does not fit in memory) and then again warm. Then the same against the real
 * training step (TF Java's Adam step on the default audio CNN) over a slice of the epoch. Writes its figures to a
 * file and, with {@code --docs}, to the {@code training-input} section of docs/benchmarks.md; deletes the data
 * unless {@code --keep}.
 *
 * <pre>
 * nice -n 10 java -cp &lt;benchmarks classpath&gt; dev.hitter.benchmarks.TrainingInputBenchmark --songs 20000 \
 *     --dir /tmp/hitter-training-input --train-songs 512 --docs docs/benchmarks.md
 * </pre>
 */
public final class TrainingInputBenchmark {

	private static final int BATCH = 16;

	private static final int VALUES = MelSource.FRAMES * MelSource.BANDS;

	private final PrintStream log = System.out;

	private final List<String> rows = new ArrayList<>();

	private final List<String> trainingRows = new ArrayList<>();

	private TrainingInputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int songs = 20_000;
		int trainSongs = 512;
		int threads = PrefetchingLoader.defaultThreads();
		Path dir = Path.of("/tmp/hitter-training-input");
		Path docs = null;
		boolean keep = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--songs" -> songs = Integer.parseInt(args[++i]);
				case "--train-songs" -> trainSongs = Integer.parseInt(args[++i]);
				case "--threads" -> threads = Integer.parseInt(args[++i]);
				case "--dir" -> dir = Path.of(args[++i]);
				case "--docs" -> docs = Path.of(args[++i]);
				case "--keep" -> keep = true;
				default -> {
					System.err.println("Usage: TrainingInputBenchmark [--songs 20000] [--train-songs 512] [--threads n]"
							+ " [--dir /tmp/hitter-training-input] [--docs docs/benchmarks.md] [--keep]");
					System.exit(2);
				}
			}
		}
		String command = "nice -n 10 java -cp <benchmarks classpath> dev.hitter.benchmarks.TrainingInputBenchmark "
				+ String.join(" ", args);
		new TrainingInputBenchmark().run(songs, trainSongs, threads, dir, docs, keep, command);
	}

	private void run(int count, int trainSongs, int threads, Path dir, Path docs, boolean keep, String command)
			throws Exception {
		if (Files.exists(dir)) {
			throw new IOException(dir + " exists; give another --dir or delete it");
		}
		String startLoad = loadAverage();
		try {
			long started = System.nanoTime();
			List<Song> songs = generate(dir.resolve("arena_mel"), count);
			double generated = seconds(started);
			long npyBytes = bytesUnder(dir.resolve("arena_mel"));
			log.printf("generated %,d mels (%,d MB) in %.1f s%n", count, npyBytes / 1_000_000, generated);

			MelShardWriter writer = new MelShardWriter(threads, MelShardWriter.DEFAULT_PIECE_BYTES, log);
			evict(dir);
			started = System.nanoTime();
			MelShard built = writer.build(songs, dir.resolve("shards/POP/unsplit"));
			double buildSeconds = seconds(started);
			String shardSummary = String.format(Locale.ROOT, "%d pieces, %s, %,d MB", built.pieces(), built.dtype(),
					bytesUnder(dir.resolve("shards")) / 1_000_000);
			built = null;

			int[] order = shuffled(count, 7);
			Path shardFolder = dir.resolve("shards/POP/unsplit");
			// Each path cold (cache emptied) and then at once warm (its data now cached), side by side.
			for (boolean cold : new boolean[] { true, false }) {
				input("(a) one thread, one .npy open + parse per song (before shards)", cold, dir, order,
						() -> perFile(songs, order));
			}
			for (MelShard.Access access : MelShard.Access.values()) {
				for (boolean cold : new boolean[] { true, false }) {
					input("(b) shard (" + access.name().toLowerCase(Locale.ROOT) + ") + prefetching loader, " + threads
							+ " threads", cold, dir, order, () -> {
								try (MelShard shard = MelShard.open(shardFolder, access)) {
									return loader(shard::mel, order, threads);
								}
							});
				}
			}
			for (boolean cold : new boolean[] { true, false }) {
				input("(c) .npy files + prefetching loader, " + threads + " threads", cold, dir, order,
						() -> loader(index -> songs.get(index).mel().framesFirst(), order, threads));
			}
			int[] slice = new int[Math.min(trainSongs, count)];
			System.arraycopy(order, 0, slice, 0, slice.length);
			try (AudioNetwork network = network()) {
				warmUp(network, songs);
				training("(0) the step alone: one batch held in memory, no input", network, dir, slice, songs,
						(net, hits) -> trainStepOnly(net, songs, slice, hits));
				training("(a) one thread, .npy per song, then the step", network, dir, slice, songs,
						(net, hits) -> trainPerFile(net, songs, slice, hits));
				for (MelShard.Access access : MelShard.Access.values()) {
					training("(b) shard (" + access.name().toLowerCase(Locale.ROOT) + ") + prefetching loader, "
							+ threads + " threads", network, dir, slice, songs, (net, hits) -> {
								try (MelShard shard = MelShard.open(shardFolder, access)) {
									return trainLoader(net, shard::mel, slice, hits, threads);
								}
							});
				}
			}
			String figures = figures(count, npyBytes, generated, buildSeconds, shardSummary, threads, trainSongs,
					command, startLoad);
			Path file = Path.of("prediction-service/benchmarks/target/training-input.md");
			Files.createDirectories(file.getParent());
			Files.writeString(file, figures, StandardCharsets.UTF_8);
			log.println(figures);
			log.println("figures written to " + file.toAbsolutePath());
			if (docs != null) {
				BenchmarkReport.writeSection(docs, "training-input", figures);
			}
		}
		finally {
			if (!keep) {
				deleteTree(dir);
				log.println("deleted " + dir);
			}
		}
	}

	// ---- data -------------------------------------------------------------------------------------------------

	/** Melon-like mels: 48 × 1,876 float16, values cut from a pool of random finite halves (any one is a log-mel). */
	private List<Song> generate(Path melDir, int count) throws Exception {
		SplittableRandom random = new SplittableRandom(11);
		byte[] pool = new byte[8 << 20];
		ByteBuffer halves = ByteBuffer.wrap(pool).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < pool.length / 2; i++) {
			int bits = (random.nextInt(2) << 15) | ((8 + random.nextInt(14)) << 10) | random.nextInt(1024);
			halves.putShort(i * 2, (short) bits);
		}
		String header = "{'descr': '<f2', 'fortran_order': False, 'shape': (48, 1876), }";
		header = header + " ".repeat((64 - (10 + header.length() + 1) % 64) % 64) + "\n";
		byte[] head = new byte[10 + header.length()];
		ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN)
			.put(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 })
			.putShort((short) header.length())
			.put(header.getBytes(StandardCharsets.US_ASCII));
		List<Song> songs = new ArrayList<>(count);
		Random labels = new Random(13);
		for (int id = 0; id < count; id++) {
			Path file = melDir.resolve(Integer.toString(id / 1000)).resolve(id + ".npy");
			songs.add(new Song(Integer.toString(id), Genre.POP, labels.nextDouble() < 0.2, MelSource.npy(file), null,
					null));
		}
		ExecutorService pool2 = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> parts = new ArrayList<>();
			for (int part = 0; part < 2; part++) {
				int first = part;
				parts.add(pool2.submit(() -> {
					SplittableRandom offsets = new SplittableRandom(first);
					byte[] body = new byte[head.length + VALUES * 2];
					System.arraycopy(head, 0, body, 0, head.length);
					for (int id = first; id < count; id += 2) {
						System.arraycopy(pool, offsets.nextInt((pool.length - VALUES * 2) / 2) * 2, body, head.length,
								VALUES * 2);
						Path file = melDir.resolve(Integer.toString(id / 1000)).resolve(id + ".npy");
						Files.createDirectories(file.getParent());
						Files.write(file, body);
						if (id % 5000 == 0) {
							log.printf("  %,d mels written%n", id);
						}
					}
					return null;
				}));
			}
			for (Future<?> part : parts) {
				part.get();
			}
		}
		finally {
			pool2.shutdownNow();
		}
		return songs;
	}

	private static int[] shuffled(int n, long seed) {
		List<Integer> order = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(seed));
		return order.stream().mapToInt(Integer::intValue).toArray();
	}

	// ---- input side -------------------------------------------------------------------------------------------

	@FunctionalInterface
	private interface Epoch {

		long run() throws Exception;
	}

	private void input(String path, boolean cold, Path dir, int[] order, Epoch epoch) throws Exception {
		String cache = cold ? "cold" : "warm";
		if (cold) {
			evict(dir);
		}
		System.gc(); // the previous path's garbage is not this one's cost
		String before = loadAverage();
		long started = System.nanoTime();
		long checksum = epoch.run();
		double seconds = seconds(started);
		double perSecond = order.length / seconds;
		rows.add(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f | %,.0f | %,.0f | %s → %s |", path, cache,
				order.length, seconds, perSecond, perSecond * VALUES * 2 / 1e6, before, loadAverage()));
		log.printf("%s, %s: %,d songs in %.1f s = %,.0f songs/s (checksum %d)%n", path, cache, order.length, seconds,
				perSecond, checksum);
	}

	/** What TrainingLoop did before the loader: each batch's mels read in turn on the loop's thread. */
	private static long perFile(List<Song> songs, int[] order) throws IOException {
		long checksum = 0;
		float[] tensor = new float[BATCH * VALUES];
		for (int from = 0; from < order.length; from += BATCH) {
			int to = Math.min(order.length, from + BATCH);
			for (int i = from; i < to; i++) {
				float[] mel = songs.get(order[i]).mel().framesFirst();
				System.arraycopy(mel, 0, tensor, (i - from) * VALUES, VALUES); // as AudioNetwork fills its tensor
			}
			checksum += Float.floatToRawIntBits(tensor[(from / BATCH) % (BATCH * VALUES)]);
		}
		return checksum;
	}

	private static long loader(PrefetchingLoader.Examples<float[]> examples, int[] order, int threads)
			throws IOException {
		long checksum = 0;
		float[] tensor = new float[BATCH * VALUES];
		try (PrefetchingLoader<float[]> loader = new PrefetchingLoader<>(examples, null, threads,
				PrefetchingLoader.DEFAULT_AHEAD)) {
			PrefetchingLoader<float[]>.Pass pass = loader.pass(order, BATCH);
			while (pass.hasNext()) {
				PrefetchingLoader.Batch<float[]> batch = pass.next();
				for (int k = 0; k < batch.examples().size(); k++) {
					System.arraycopy(batch.examples().get(k), 0, tensor, k * VALUES, VALUES);
				}
				checksum += Float.floatToRawIntBits(tensor[batch.number() % (BATCH * VALUES)]);
			}
		}
		return checksum;
	}

	// ---- with the training step -------------------------------------------------------------------------------

	@FunctionalInterface
	private interface Training {

		int run(AudioNetwork network, boolean[] hits) throws Exception;
	}

	private static AudioNetwork network() {
		float[] mean = new float[MelSource.BANDS];
		float[] scale = new float[MelSource.BANDS];
		Arrays.fill(scale, 1);
		return new AudioNetwork(MelSource.FRAMES, MelSource.BANDS, mean, scale, AudioNetwork.Sizes.DEFAULT, 7, 1e-4f,
				2e-3f);
	}

	/** TensorFlow's first steps build kernels and caches: not part of an epoch's steady rate. */
	private static void warmUp(AudioNetwork network, List<Song> songs) throws IOException {
		List<float[]> batch = new ArrayList<>();
		for (int i = 0; i < BATCH; i++) {
			batch.add(songs.get(songs.size() - 1 - i).mel().framesFirst());
		}
		for (int step = 0; step < 5; step++) {
			network.train(batch, new float[BATCH]);
		}
	}

	private void training(String path, AudioNetwork network, Path dir, int[] slice, List<Song> songs,
			Training training) throws Exception {
		boolean[] hits = new boolean[songs.size()];
		for (int i = 0; i < hits.length; i++) {
			hits[i] = songs.get(i).hit();
		}
		evict(dir);
		System.gc();
		String before = loadAverage();
		long started = System.nanoTime();
		int steps = training.run(network, hits);
		double seconds = seconds(started);
		trainingRows.add(String.format(Locale.ROOT, "| %s | cold | %,d | %d | %.1f | %.0f | %.0f | %s → %s |", path,
				slice.length, steps, seconds, slice.length / seconds, seconds * 1000 / steps, before, loadAverage()));
		log.printf("%s with training: %,d songs in %.1f s = %.1f songs/s%n", path, slice.length, seconds,
				slice.length / seconds);
	}

	/** The compute bound: the same batch (read before the clock starts) trained on as many times. */
	private static int trainStepOnly(AudioNetwork network, List<Song> songs, int[] slice, boolean[] hits)
			throws IOException {
		List<float[]> batch = new ArrayList<>(BATCH);
		float[] labels = new float[BATCH];
		for (int i = 0; i < BATCH; i++) {
			batch.add(songs.get(slice[i]).mel().framesFirst());
			labels[i] = hits[slice[i]] ? 1 : 0;
		}
		int steps = 0;
		for (int from = 0; from < slice.length; from += BATCH) {
			network.train(batch, labels);
			steps++;
		}
		return steps;
	}

	private static int trainPerFile(AudioNetwork network, List<Song> songs, int[] slice, boolean[] hits)
			throws IOException {
		int steps = 0;
		for (int from = 0; from < slice.length; from += BATCH) {
			int to = Math.min(slice.length, from + BATCH);
			List<float[]> batch = new ArrayList<>(to - from);
			float[] labels = new float[to - from];
			for (int i = from; i < to; i++) {
				batch.add(songs.get(slice[i]).mel().framesFirst());
				labels[i - from] = hits[slice[i]] ? 1 : 0;
			}
			network.train(batch, labels);
			steps++;
		}
		return steps;
	}

	private static int trainLoader(AudioNetwork network, PrefetchingLoader.Examples<float[]> examples, int[] slice,
			boolean[] hits, int threads) throws IOException {
		int steps = 0;
		try (PrefetchingLoader<float[]> loader = new PrefetchingLoader<>(examples, hits, threads,
				PrefetchingLoader.DEFAULT_AHEAD)) {
			PrefetchingLoader<float[]>.Pass pass = loader.pass(slice, BATCH);
			while (pass.hasNext()) {
				PrefetchingLoader.Batch<float[]> batch = pass.next();
				network.train(batch.examples(), batch.hits());
				steps++;
			}
		}
		return steps;
	}

	// ---- report -----------------------------------------------------------------------------------------------

	private String figures(int count, long npyBytes, double generated, double buildSeconds, String shard, int threads,
			int trainSongs, String command, String startLoad) {
		StringBuilder md = new StringBuilder();
		md.append(BenchmarkReport.measuredOn()).append("; load average at the start ").append(startLoad)
			.append(" (the machine is shared by other sessions' builds and tests: compare the rows of this run with each "
					+ "other, not with other runs).\n\n");
		md.append("Command: `").append(command).append("`\n\n");
		md.append(String.format(Locale.ROOT, "Data: %,d generated Melon-like mels (float16 `.npy`, 48 × 1,876, %,d MB "
				+ "in %,d files, written in %.0f s); one epoch = every song once in a seeded shuffled order, batches "
				+ "of %d. The shard (%s) was built from the `.npy` files (cache emptied first) with %d threads in "
				+ "%.1f s = %,.0f songs/s. *cold*: the data's pages dropped from the page cache "
				+ "(`fsync` + `posix_fadvise(DONTNEED)`, checked with `fincore`) just before the epoch, as for a set "
				+ "larger than memory; *warm*: the same path again right after its cold epoch, its data cached. "
				+ "*mapped*: the shard's pieces memory-mapped; *read*: one positional read of the song's bytes.%n%n", count, npyBytes / 1_000_000, count, generated, BATCH,
				shard, threads, buildSeconds, count / buildSeconds));
		md.append("Input side only (batches produced and copied into a tensor-sized array, no training):\n\n");
		md.append("| Path | Cache | Songs | Seconds | Songs/s | MB/s (float16) | Load average before → after |\n");
		md.append("|---|---|---:|---:|---:|---:|---|\n");
		rows.forEach(row -> md.append(row).append('\n'));
		md.append(String.format(Locale.ROOT, "%nWith the real training step (TF Java 0.5.0 on the CPU, default audio CNN, "
				+ "Adam, batch %d, after 5 warm-up steps; the first %,d songs of the epoch's order, cache emptied "
				+ "first; row (0) is the compute bound):%n%n", BATCH, Math.min(trainSongs, count)));
		md.append("| Path | Cache | Songs | Steps | Seconds | Songs/s | ms per step | Load average before → after |\n");
		md.append("|---|---|---:|---:|---:|---:|---:|---|\n");
		trainingRows.forEach(row -> md.append(row).append('\n'));
		return md.toString();
	}

	// ---- machine ----------------------------------------------------------------------------------------------

	/**
	 * Drops the data's pages from the page cache (Python's {@code os.posix_fadvise}; no root needed, only these
	 * files), after letting the GC unmap old shard mappings, which would otherwise keep their pages.
	 */
	private void evict(Path dir) throws Exception {
		System.gc();
		Thread.sleep(200);
		System.gc();
		String script = "import os,sys\nn=0\nfor r,_,fs in os.walk(sys.argv[1]):\n for f in fs:\n"
				+ "  fd=os.open(os.path.join(r,f),os.O_RDONLY)\n  os.fsync(fd)\n"
				+ "  os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED)\n  os.close(fd)\n  n+=1\nprint(n)\n";
		Process process = new ProcessBuilder("python3", "-c", script, dir.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (process.waitFor() != 0) {
			throw new IOException("could not empty the page cache: " + output);
		}
		// Checked, not assumed: pages still cached after the drop (fincore, util-linux).
		Process check = new ProcessBuilder("sh", "-c", "fincore -b -n -o RES $(find '" + dir + "' -name '*.shard') "
				+ "$(find '" + dir + "' -name '*.npy' | head -500) 2>/dev/null | awk '{s+=$1} END {print s+0}'")
			.redirectErrorStream(true).start();
		String resident = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		check.waitFor();
		log.printf("  page cache emptied for %s files; still resident (shard pieces + 500 .npy): %s bytes%n", output,
				resident);
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private static long bytesUnder(Path dir) throws IOException {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
