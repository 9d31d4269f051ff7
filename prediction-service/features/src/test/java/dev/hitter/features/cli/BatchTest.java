package dev.hitter.features.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder runner on its own: every file gets a line in input order, and nothing one file throws stops the batch. */
class BatchTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

	@Test
	void aFileThatThrowsAnythingIsCountedAsFailedAndTheOthersAreWritten() throws IOException {
		for (int i = 0; i < 20; i++) {
			Files.writeString(dir.resolve(String.format("%02d.txt", i)), "x");
		}
		Set<String> threads = ConcurrentHashMap.newKeySet();
		Batch.Outcome outcome = batch().runAll(dir, dir.resolve("out"), 4, (input, output) -> {
			threads.add(Thread.currentThread().getName());
			String name = input.getFileName().toString();
			if (name.equals("03.txt")) {
				throw new IllegalStateException("broken file");
			}
			if (name.equals("07.txt")) {
				throw new UnsatisfiedLinkError("native library missing");
			}
			if (name.equals("11.txt")) {
				throw new IOException("unreadable");
			}
			// later files finish first: the printed order must not follow the finishing order
			sleep(20 - Integer.parseInt(name.substring(0, 2)));
			Files.writeString(output, "done");
			return "ok";
		});

		assertThat(outcome.written()).isEqualTo(17);
		assertThat(outcome.failed()).isEqualTo(3);
		assertThat(outcome.refused()).isEmpty();
		assertThat(outcome.threads()).isEqualTo(4);
		assertThat(threads).hasSizeGreaterThan(1);
		List<String> lines = progress.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(21);
		for (int i = 0; i < 20; i++) {
			assertThat(lines.get(i)).startsWith(String.format("[%d/20] %s", i + 1, dir.resolve(String.format("%02d.txt", i))));
		}
		assertThat(lines.get(3)).contains("failed: java.lang.IllegalStateException: broken file");
		assertThat(lines.get(7)).contains("failed: java.lang.UnsatisfiedLinkError");
		assertThat(lines.get(20)).startsWith("done: 17 written, 0 refused, 3 failed in ").contains("files/s on 4 threads");
		assertThat(Files.readString(dir.resolve("out/19.done"))).isEqualTo("done");
	}

	@Test
	void neverStartsMoreWorkersThanFiles() throws IOException {
		Files.writeString(dir.resolve("only.txt"), "x");
		Batch.Outcome outcome = batch().runAll(dir.resolve("only.txt"), dir.resolve("only.done"), 8, (input, output) -> "ok");
		assertThat(outcome.threads()).isEqualTo(1);
		assertThat(outcome.written()).isEqualTo(1);
	}

	private Batch batch() {
		return new Batch(Set.of("txt"), ".done", new PrintStream(progress, true, StandardCharsets.UTF_8));
	}

	private static void sleep(int millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
