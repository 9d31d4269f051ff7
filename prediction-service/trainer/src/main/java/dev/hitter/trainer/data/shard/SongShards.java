package dev.hitter.trainer.data.shard;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.hitter.trainer.data.MelSource;
import dev.hitter.trainer.data.Song;
import dev.hitter.trainer.data.TrainingSet;

/**
 * Puts a training set's mels into shards under one folder ({@code <root>/<GENRE>/<split>/}) and gives back the set
 * reading them from there: built the first time, reused while the songs' fingerprint matches. Songs whose split the
 * data fixes get one shard per split; the others share an {@code unsplit} shard, since the trainer assigns their
 * split later (by the chosen strategy) and a shard must not guess it.
 */
public final class SongShards implements Closeable {

	private final Path root;

	private final MelShardWriter writer;

	private final PrintStream progress;

	private final List<MelShard> opened = new ArrayList<>();

	public SongShards(Path root, MelShardWriter writer, PrintStream progress) {
		this.root = root;
		this.writer = writer;
		this.progress = progress;
	}

	public Path root() {
		return root;
	}

	/** The same set, each song's mel now read from its shard. */
	public TrainingSet attach(TrainingSet set) throws IOException {
		long started = System.nanoTime();
		List<Song> songs = set.songs();
		Map<String, List<Integer>> groups = new LinkedHashMap<>();
		for (int i = 0; i < songs.size(); i++) {
			Song song = songs.get(i);
			String group = song.split() == null ? "unsplit" : song.split().name().toLowerCase(Locale.ROOT);
			groups.computeIfAbsent(group, key -> new ArrayList<>()).add(i);
		}
		Song[] sharded = new Song[songs.size()];
		for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
			List<Song> members = group.getValue().stream().map(songs::get).toList();
			MelShard shard = writer.openOrBuild(members, root.resolve(set.genre().name()).resolve(group.getKey()));
			opened.add(shard);
			for (int k = 0; k < members.size(); k++) {
				Song song = members.get(k);
				if (!shard.id(k).equals(song.id()) || shard.hit(k) != song.hit()) {
					throw new IOException(shard.folder() + " holds song " + shard.id(k) + " where " + song.id()
							+ " belongs (rebuild the shards)");
				}
				sharded[group.getValue().get(k)] = song.withMel(fromShard(song.mel(), shard.source(k)));
			}
		}
		progress.printf("%s: %,d songs' mels in %d shard%s under %s (%.1f s)%n", set.genre(), songs.size(),
				groups.size(), groups.size() == 1 ? "" : "s", root, (System.nanoTime() - started) / 1e9);
		return new TrainingSet(set.genre(), List.of(sharded), set.source(), set.description(), set.labelRule(),
				set.demonstration(), set.splitStrategy());
	}

	/** The shard's values under the original's identity, so the dataset fingerprint (splits.json) stays the same. */
	private static MelSource fromShard(MelSource original, MelSource shard) {
		return new MelSource() {
			@Override
			public float[] framesFirst() throws IOException {
				return shard.framesFirst();
			}

			@Override
			public String origin() throws IOException {
				return original.origin();
			}

			@Override
			public long bytes() {
				return original.bytes();
			}
		};
	}

	/** Releases the shards attached so far (after a genre has trained). */
	@Override
	public void close() throws IOException {
		for (MelShard shard : opened) {
			shard.close();
		}
		opened.clear();
	}
}
