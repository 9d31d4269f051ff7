package dev.hitter.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.models.Genre;

/**
 * The Melon importer at Melon's real size — 649,091 songs, 148,826 playlists of about 35 songs — with mels for 200
 * songs only, imported in a JVM of its own limited to a 1 GB heap: the import must fit, and count everything.
 * Time and peak heap are printed (docs/benchmarks.md "Melon import at full scale" has the figures).
 */
class MelonImportAtScaleTest {

	static final int SONGS = 649_091;

	static final int PLAYLISTS = 148_826;

	static final int MELS = 200;

	private static final long ONE_GB = 1L << 30;

	@Test
	void importsFullScaleMetadataUnderAOneGigabyteHeap(@TempDir Path dir) throws Exception {
		long started = System.nanoTime();
		MelonLayout.Written written = MelonLayout.write(dir.resolve("melon"), SONGS, PLAYLISTS, MELS, 2026);
		double generated = (System.nanoTime() - started) / 1e9;
		System.out.printf("generated %,d songs, %,d playlists (%,d entries, %.1f per playlist), %d mels, %,d MB of "
				+ "JSON in %.1f s%n", written.songs(), written.playlists(), written.playlistEntries(),
				written.playlistEntries() / (double) written.playlists(), written.mels(), written.bytes() >> 20,
				generated);

		Map<String, String> result = importInOwnJvm(dir.resolve("melon"), dir.resolve("import.log"));

		assertThat(result.get("maxHeapBytes")).as("the child really ran under -Xmx1g").isNotNull();
		assertThat(Long.parseLong(result.get("maxHeapBytes"))).isLessThanOrEqualTo(ONE_GB);
		assertThat(Integer.parseInt(result.get("songsRead"))).isEqualTo(SONGS);
		assertThat(Integer.parseInt(result.get("playlistsRead"))).isEqualTo(PLAYLISTS);
		int mapped = written.songsPerGenre().values().stream().mapToInt(Integer::intValue).sum();
		int imported = 0;
		for (Genre genre : Genre.values()) {
			imported += Integer.parseInt(result.get("songs." + genre));
		}
		assertThat(imported).isEqualTo(MELS);
		assertThat(Integer.parseInt(result.get("missingMels"))).isEqualTo(mapped - MELS);
		assertThat(Integer.parseInt(result.get("corruptMels"))).isZero();
		assertThat(Integer.parseInt(result.get("unmapped"))).isEqualTo(SONGS - written.noGenre() - mapped);
		assertThat(Integer.parseInt(result.get("problem.NO_GENRE"))).isEqualTo(written.noGenre());
		assertThat(Integer.parseInt(result.get("problem.NO_DATE"))).isEqualTo(written.noDate());
		assertThat(result).doesNotContainKeys("problem.BROKEN_JSON", "problem.BROKEN_ROW", "problem.DUPLICATE_ID",
				"problem.UNKNOWN_PLAYLIST_SONG");
		long peak = Long.parseLong(result.get("peakHeapBytes"));
		String figures = String.format(Locale.ROOT, "Melon import at full scale (%,d songs, %,d playlists, %,d "
				+ "playlist entries, %d mels, %,d MB of JSON): %.1f s (songs %.1f s, playlists %.1f s, labels %.1f s, "
				+ "mel check of %,d songs %.1f s), peak heap %d MB under -Xmx1g, %s cores", SONGS, PLAYLISTS,
				written.playlistEntries(), MELS, written.bytes() >> 20, Double.parseDouble(result.get("seconds")),
				Double.parseDouble(result.get("seconds.songs")), Double.parseDouble(result.get("seconds.playlists")),
				Double.parseDouble(result.get("seconds.labels")), mapped, Double.parseDouble(result.get("seconds.mels")),
				peak >> 20, result.get("cores"));
		System.out.println(figures);
		// Kept beside the build's other outputs: docs/benchmarks.md quotes it.
		Files.writeString(Path.of("target", "melon-import-at-scale.txt"), figures + System.lineSeparator());
		assertThat(peak).isLessThan(ONE_GB);
	}

	/** Runs {@link MelonImportAtScale} in a new JVM with {@code -Xmx1g} on this test's class path. */
	private static Map<String, String> importInOwnJvm(Path dataset, Path log) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", classPath, MelonImportAtScale.class.getName(),
				dataset.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("the import did not finish in 5 minutes");
		}
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
		Map<String, String> result = new HashMap<>();
		for (String line : lines) {
			int equals = line.indexOf('=');
			if (equals > 0 && !line.contains(" ")) {
				result.put(line.substring(0, equals), line.substring(equals + 1));
			}
		}
		return result;
	}
}
