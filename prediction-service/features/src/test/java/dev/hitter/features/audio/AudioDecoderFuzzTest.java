package dev.hitter.features.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.features.audio.AudioRejectedException.Reason;
import dev.hitter.features.audio.Clips.Format;

/**
 * Corrupted uploads either decode to a segment of the right length or are refused with an
 * {@link AudioRejectedException}: never another exception, a hang or a crash of the JVM. Fixed seed; two threads
 * share one decoder, so the test also exercises concurrent use.
 */
class AudioDecoderFuzzTest {

	private static final long SEED = 20_261_127L;

	private static final int CASES_PER_FORMAT = 440;

	/** A 1 s segment from 0.5 s: the right length for every clip that survives its corruption. */
	private static final SegmentRule SHORT_RULE = new SegmentRule(16_000, 0.5, 1.0, 0.5);

	@TempDir
	static Path clips;

	@TempDir
	Path work;

	private static final Map<Format, byte[]> originals = new EnumMap<>(Format.class);

	// A tight deadline turns a near-hang into TIMED_OUT instead of a stuck test.
	private final AudioDecoder decoder = new AudioDecoder(
			new DecodeLimits(50_000_000, 1200, 384_000, 32, 200_000, Duration.ofSeconds(10)));

	@BeforeAll
	static void makeSmallClips() throws IOException {
		for (Format format : Format.values()) {
			Path clip = Clips.write(clips.resolve("small." + format.extension), format, 22_050, 1, 2.5,
					Clips.sections(0.5));
			originals.put(format, Files.readAllBytes(clip));
		}
	}

	@Test
	void corruptedClipsDecodeToTheRightLengthOrAreRejected() throws Exception {
		Random random = new Random(SEED);
		List<Mutation> cases = new ArrayList<>();
		for (Format format : Format.values()) {
			for (int i = 0; i < CASES_PER_FORMAT; i++) {
				cases.add(Mutation.of(format, originals.get(format), random, i));
			}
		}
		assertThat(cases).hasSizeGreaterThanOrEqualTo(3000);

		Map<String, Mutation> running = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		Map<Reason, Integer> reasons = new ConcurrentHashMap<>();
		int[] decoded = new int[1];
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (Mutation mutation : cases) {
				futures.add(pool.submit(() -> {
					running.put(mutation.name(), mutation);
					try {
						if (check(mutation, failures, reasons)) {
							synchronized (decoded) {
								decoded[0]++;
							}
						}
					}
					finally {
						running.remove(mutation.name());
					}
				}));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
			for (Future<?> future : futures) {
				try {
					future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				}
				catch (TimeoutException ex) {
					throw new AssertionError("decoder hung on " + running.keySet());
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		System.out.printf("fuzz: %d cases, %d decoded, refused by reason: %s%n", cases.size(), decoded[0], reasons);
		assertThat(failures).as("inputs that neither decoded nor were rejected").isEmpty();
		// Not a tautology: a fair share of mutations leaves the audio readable, and a fair share is refused.
		assertThat(decoded[0]).isBetween(cases.size() / 10, cases.size() - cases.size() / 10);
	}

	private boolean check(Mutation mutation, ConcurrentLinkedQueue<String> failures, Map<Reason, Integer> reasons) {
		Path file = work.resolve(mutation.name() + "." + mutation.format().extension);
		try {
			Files.write(file, mutation.bytes());
			if (mutation.index() % 2 == 0) {
				DecodedAudio audio = decoder.decode(file, SHORT_RULE);
				if (audio.samples().length != SHORT_RULE.lengthSamples()) {
					failures.add(mutation.name() + ": " + audio.samples().length + " samples");
				}
			}
			else {
				float[] all = decoder.decodeAll(file);
				if (all.length == 0 || all.length > 1200 * 16_000) {
					failures.add(mutation.name() + ": decodeAll gave " + all.length + " samples");
				}
			}
			return true;
		}
		catch (AudioRejectedException ex) {
			reasons.merge(ex.reason(), 1, Integer::sum);
			return false;
		}
		catch (Throwable ex) {
			failures.add(mutation.name() + ": " + ex);
			return false;
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** One corrupted copy of a clip, described so that a failure can be reproduced. */
	record Mutation(Format format, int index, String kind, byte[] bytes) {

		String name() {
			return format + "-" + index + "-" + kind;
		}

		static Mutation of(Format format, byte[] original, Random random, int index) {
			byte[] b = original.clone();
			int n = b.length;
			return switch (index % 6) {
				case 0 -> {
					int flips = 1 + random.nextInt(32);
					for (int i = 0; i < flips; i++) {
						b[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
					}
					yield new Mutation(format, index, "bitflips", b);
				}
				case 1 -> {
					int length = 1 + random.nextInt(256);
					int at = random.nextInt(n);
					byte fill = switch (random.nextInt(3)) {
						case 0 -> 0;
						case 1 -> (byte) 0xFF;
						default -> (byte) random.nextInt(256);
					};
					Arrays.fill(b, at, Math.min(n, at + length), fill);
					yield new Mutation(format, index, "overwrite", b);
				}
				case 2 -> new Mutation(format, index, "truncate", Arrays.copyOf(b, random.nextInt(n)));
				case 3 -> {
					int from = random.nextInt(n);
					int length = 1 + random.nextInt(Math.min(4096, n - from));
					int at = random.nextInt(n);
					byte[] out = new byte[n + length];
					System.arraycopy(b, 0, out, 0, at);
					System.arraycopy(b, from, out, at, length);
					System.arraycopy(b, at, out, at + length, n - at);
					yield new Mutation(format, index, "duplicate", out);
				}
				case 4 -> {
					// Header fields: extreme values in the first 128 bytes, where sizes, rates and counts live.
					int fields = 1 + random.nextInt(3);
					for (int i = 0; i < fields; i++) {
						int at = random.nextInt(Math.min(128, n - 4));
						byte value = new byte[] { 0, (byte) 0xFF, 0x7F, (byte) 0x80 }[random.nextInt(4)];
						Arrays.fill(b, at, at + 1 + random.nextInt(4), value);
					}
					yield new Mutation(format, index, "header", b);
				}
				default -> {
					for (int i = 0; i < 4; i++) {
						b[random.nextInt(n)] = (byte) random.nextInt(256);
					}
					yield new Mutation(format, index, "mixed", Arrays.copyOf(b, n - random.nextInt(n / 4)));
				}
			};
		}
	}
}
