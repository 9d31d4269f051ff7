package dev.hitter.trainer.data.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.models.Genre;
import dev.hitter.trainer.data.MelSource;
import dev.hitter.trainer.data.Song;

class PrefetchingLoaderTest {

	private static int[] seededOrder(int n, long seed) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(seed));
		return order.stream().mapToInt(Integer::intValue).toArray();
	}

	/** Every batch of a pass (its example numbers and labels), reading with random delays on each thread. */
	private static List<String> batches(int threads, int[] order, boolean[] hits) throws IOException {
		List<String> out = new ArrayList<>();
		try (PrefetchingLoader<Integer> loader = new PrefetchingLoader<>(index -> {
			try {
				Thread.sleep(ThreadLocalRandom.current().nextInt(3));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return index;
		}, hits, threads, 3)) {
			for (int epoch = 0; epoch < 2; epoch++) {
				PrefetchingLoader<Integer>.Pass pass = loader.pass(order, 7);
				assertThat(pass.batches()).isEqualTo(15); // 100 examples in batches of 7: the last holds 2
				while (pass.hasNext()) {
					PrefetchingLoader.Batch<Integer> batch = pass.next();
					out.add(batch.number() + ":" + batch.examples() + ":" + java.util.Arrays.toString(batch.hits()));
				}
			}
		}
		return out;
	}

	@Test
	void batchContentsDependOnTheSeedNotOnThreadTiming() throws IOException {
		boolean[] hits = new boolean[100];
		for (int i = 0; i < hits.length; i += 3) {
			hits[i] = true;
		}
		int[] order = seededOrder(100, 42);
		List<String> oneThread = batches(1, order, hits);
		List<String> fourThreads = batches(4, order, hits);
		assertThat(fourThreads).isEqualTo(oneThread);
		assertThat(batches(4, order, hits)).isEqualTo(oneThread);
		assertThat(oneThread.get(0)).startsWith("0:[" + order[0] + ", " + order[1] + ",");
		assertThat(oneThread.get(14)).isEqualTo("14:[" + order[98] + ", " + order[99] + "]:[" + (hits[order[98]] ? "1.0"
				: "0.0") + ", " + (hits[order[99]] ? "1.0" : "0.0") + "]");
		assertThat(batches(4, seededOrder(100, 43), hits)).isNotEqualTo(oneThread);
	}

	@Test
	void aFailedReadEndsThePassWithItsErrorAndNoHang() {
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			PrefetchingLoader<Integer> loader = new PrefetchingLoader<>(index -> {
				if (index == 37) {
					throw new IOException("song 37 cannot be read");
				}
				return index;
			}, null, 3, 4);
			try (loader) {
				PrefetchingLoader<Integer>.Pass pass = loader.pass(seededOrder(100, 1), 5);
				assertThatThrownBy(() -> {
					while (pass.hasNext()) {
						pass.next();
					}
				}).isInstanceOf(IOException.class).hasMessage("song 37 cannot be read");
				assertThat(pass.hasNext()).isFalse();
				// The loader still serves a new pass after a failed one.
				PrefetchingLoader<Integer>.Pass next = loader.pass(new int[] { 1, 2, 3 }, 2);
				assertThat(next.next().examples()).containsExactly(1, 2);
			}
		});
	}

	@Test
	void aRuntimeFailureIsReportedAsAnIOExceptionWithItsCause() {
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			try (PrefetchingLoader<Integer> loader = PrefetchingLoader.of(List.of(1, 2, 3), null, 2, 2)) {
				PrefetchingLoader<Integer>.Pass pass = loader.pass(new int[] { 0, 5 }, 1);
				assertThat(pass.next().examples()).containsExactly(1);
				assertThatThrownBy(pass::next).isInstanceOf(IOException.class)
					.hasCauseInstanceOf(IndexOutOfBoundsException.class);
			}
		});
	}

	@Test
	void corruptShardStopsTrainingInputWithAClearIOException(@TempDir Path dir) throws IOException {
		List<Song> songs = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Path file = dir.resolve("mel/" + i + ".npy");
			MelonMels.write(file, 1876, MelonMels.randomHalves(48 * 1876, 100 + i));
			songs.add(new Song("s" + i, Genre.POP, i % 2 == 0, MelSource.npy(file), null, null));
		}
		// One piece of two songs per file: the last piece holds songs 10 and 11; song 11 gets damaged.
		MelShardWriter writer = new MelShardWriter(2, 2L * MelSource.FRAMES * MelSource.BANDS * 2,
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		writer.build(songs, dir.resolve("shard"));
		MelShardTest.corruptSecondSong(dir.resolve("shard/part-005.shard"));
		MelShard shard = MelShard.open(dir.resolve("shard"));
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
			try (PrefetchingLoader<float[]> loader = new PrefetchingLoader<>(shard::mel, null, 2, 2)) {
				PrefetchingLoader<float[]>.Pass pass = loader.pass(seededOrder(12, 5), 4);
				assertThatThrownBy(() -> {
					while (pass.hasNext()) {
						pass.next();
					}
				}).isInstanceOf(IOException.class).hasMessageContaining("song s11 are corrupt");
			}
		});
	}

	@Test
	void closingMidPassStopsItsReaders() {
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			PrefetchingLoader<Integer> loader = new PrefetchingLoader<>(index -> {
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					throw new java.io.InterruptedIOException();
				}
				return index;
			}, null, 2, 4);
			PrefetchingLoader<Integer>.Pass pass = loader.pass(seededOrder(1000, 9), 10);
			pass.next();
			loader.close();
			assertThat(pass.hasNext()).isFalse();
		});
	}
}
