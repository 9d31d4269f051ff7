package dev.hitter.features.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.features.audio.Clips.Format;

/** One decoder serves concurrent calls with identical results, and thousands of calls leak no native memory. */
class AudioDecoderResourcesTest {

	private static final SegmentRule SHORT_RULE = new SegmentRule(16_000, 0.5, 1.0, 0.5);

	@TempDir
	static Path dir;

	private static final List<Path> inputs = new ArrayList<>();

	private final AudioDecoder decoder = new AudioDecoder();

	@BeforeAll
	static void makeClipsGoodAndBad() throws IOException {
		for (Format format : Format.values()) {
			Path clip = Clips.write(dir.resolve("clip." + format.extension), format, 44_100, 2, 2, Clips.sections(0.5));
			inputs.add(clip);
			byte[] bytes = Files.readAllBytes(clip);
			inputs.add(Files.write(dir.resolve("cut." + format.extension), Arrays.copyOf(bytes, bytes.length / 3)));
		}
		inputs.add(Files.writeString(dir.resolve("text.mp3"), "not audio\n".repeat(100)));
	}

	@Test
	void concurrentCallsGiveTheSameResultsAsSequentialOnes() throws Exception {
		List<String> sequential = new ArrayList<>();
		for (Path input : inputs) {
			sequential.add(outcome(input));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 5; round++) {
				List<Future<String>> futures = new ArrayList<>();
				for (Path input : inputs) {
					futures.add(pool.submit(() -> outcome(input)));
				}
				for (int i = 0; i < inputs.size(); i++) {
					assertThat(futures.get(i).get(60, TimeUnit.SECONDS)).as(inputs.get(i).getFileName().toString())
							.isEqualTo(sequential.get(i));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void thousandsOfCallsLeakNoNativeMemory() {
		for (int i = 0; i < 300; i++) {
			outcome(inputs.get(i % inputs.size()));
		}
		// Full collections at both ends, so that Java heap pages touched meanwhile are not counted as native.
		System.gc();
		long trackedBefore = Pointer.totalBytes();
		long residentBefore = Pointer.physicalBytes();

		for (int i = 0; i < 2000; i++) {
			outcome(inputs.get(i % inputs.size()));
		}

		System.gc();
		// The decoder closes all its JavaCPP allocations itself, so their total cannot have grown (the garbage
		// collector may meanwhile have freed other code's).
		assertThat(Pointer.totalBytes()).isLessThanOrEqualTo(trackedBefore);
		// A leaked format context alone (its 32 KB I/O buffer, probe data, codec state) would add over 64 MB here.
		assertThat(Pointer.physicalBytes() - residentBefore).isLessThan(64L << 20);
	}

	/** A comparable summary of one call: the samples' hash or the refusal's reason. */
	private String outcome(Path input) {
		try {
			return "samples " + Arrays.hashCode(decoder.decode(input, SHORT_RULE).samples());
		}
		catch (AudioRejectedException ex) {
			return "rejected " + ex.reason();
		}
	}
}
