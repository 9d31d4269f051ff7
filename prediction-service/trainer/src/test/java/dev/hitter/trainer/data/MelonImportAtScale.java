package dev.hitter.trainer.data;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;

import dev.hitter.models.Genre;

/**
 * Imports a Melon folder and prints what came out, the time and the heap it took, as {@code key=value} lines:
 * run in a JVM of its own by {@link MelonImportAtScaleTest}, so that {@code -Xmx1g} bounds this import alone.
 */
public final class MelonImportAtScale {

	private MelonImportAtScale() {
	}

	public static void main(String[] args) throws Exception {
		long started = System.nanoTime();
		MelonDataset.Import imported = new MelonDataset(Path.of(args[0]), null, 0.2).read(List.of(Genre.values()), 0, 7);
		double seconds = (System.nanoTime() - started) / 1e9;
		// The sum of each heap pool's peak: an upper bound on the heap ever in use at once.
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.println("songsRead=" + imported.songsRead());
		System.out.println("playlistsRead=" + imported.playlistsRead());
		for (Genre genre : Genre.values()) {
			TrainingSet set = imported.sets().get(genre);
			System.out.println("songs." + genre + "=" + (set == null ? 0 : set.songs().size()));
		}
		System.out.println("missingMels=" + imported.missingMels());
		System.out.println("corruptMels=" + imported.corruptMels());
		System.out.println("unmapped=" + imported.unmappedSongs());
		imported.report().counts().forEach((kind, count) -> System.out.println("problem." + kind + "=" + count));
		System.out.println("seconds=" + seconds);
		imported.seconds().forEach((step, time) -> System.out.println("seconds." + step + "=" + time));
		System.out.println("peakHeapBytes=" + peak);
		System.out.println("maxHeapBytes=" + Runtime.getRuntime().maxMemory());
		System.out.println("cores=" + Runtime.getRuntime().availableProcessors());
	}
}
