package dev.hitter.trainer.data.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.features.npy.Npy;
import dev.hitter.models.Genre;
import dev.hitter.trainer.data.MelSource;
import dev.hitter.trainer.data.Song;

class MelShardTest {

	private static final int VALUES = MelSource.FRAMES * MelSource.BANDS;

	private static final long STRIDE16 = VALUES * 2L;

	private final ByteArrayOutputStream log = new ByteArrayOutputStream();

	/** Two songs per piece, so that a handful of songs spans several pieces. */
	private final MelShardWriter writer = new MelShardWriter(3, 2 * STRIDE16, new PrintStream(log, true,
			StandardCharsets.UTF_8));

	/** Melon-like songs: random float16 values, some mels longer than 30 s (cut), some shorter (zero-padded). */
	private static List<Song> melonSongs(Path dir, int count) throws IOException {
		List<Song> songs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int frames = i % 3 == 0 ? 1876 : i % 3 == 1 ? 2100 : 900;
			Path file = dir.resolve("arena_mel/0/" + i + ".npy");
			MelonMels.write(file, frames, MelonMels.randomHalves(48 * frames, i));
			songs.add(new Song("song-" + i, Genre.POP, i % 4 == 0, MelSource.npy(file), null, null));
		}
		return songs;
	}

	private static void assertSameBits(float[] actual, float[] expected) {
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < expected.length; i++) {
			if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
				throw new AssertionError("value " + i + ": " + actual[i] + " where MelSource gave " + expected[i]);
			}
		}
	}

	@Test
	void float16DecodesEveryHalfExactlyAsTheFeaturesLibraryReadsANpy(@TempDir Path dir) throws IOException {
		int frames = 1366; // 48 × 1366 ≥ 65,536: every half-precision bit pattern once
		short[] halves = new short[48 * frames];
		for (int i = 0; i < halves.length; i++) {
			halves[i] = (short) Math.min(i, 0xffff);
		}
		Path file = dir.resolve("all.npy");
		MelonMels.write(file, frames, halves);
		float[] read = Npy.read(file).values();
		for (int bits = 0; bits <= 0xffff; bits++) {
			float decoded = Float16.decode((short) bits);
			assertThat(Float.floatToRawIntBits(Float16.lookup((short) bits))).isEqualTo(Float.floatToRawIntBits(decoded));
			assertThat(Float.floatToRawIntBits(decoded)).as("half 0x%04x", bits)
				.isEqualTo(Float.floatToRawIntBits(read[bits]));
			if ((bits & 0x7c00) != 0x7c00) {
				assertThat(Float16.encodeExact(decoded)).as("half 0x%04x", bits).isEqualTo(bits);
			}
		}
		assertThat(Float16.encodeExact(0.1f)).isEqualTo(Float16.INEXACT);
		assertThat(Float16.encodeExact(1e-9f)).isEqualTo(Float16.INEXACT);
		assertThat(Float16.encodeExact(70_000f)).isEqualTo(Float16.INEXACT);
	}

	@Test
	void shardGivesBackExactlyWhatMelSourceGaveAcrossPieces(@TempDir Path dir) throws IOException {
		List<Song> songs = melonSongs(dir, 7);
		MelShard shard = writer.build(songs, dir.resolve("shards/POP/unsplit"));
		assertThat(shard.size()).isEqualTo(7);
		assertThat(shard.pieces()).isEqualTo(4);
		assertThat(shard.dtype()).isEqualTo("float16");
		for (int i = 0; i < songs.size(); i++) {
			assertThat(shard.id(i)).isEqualTo(songs.get(i).id());
			assertThat(shard.hit(i)).isEqualTo(songs.get(i).hit());
			assertSameBits(shard.mel(i), songs.get(i).mel().framesFirst());
		}
		for (MelShard.Access access : MelShard.Access.values()) {
			try (MelShard reopened = MelShard.open(dir.resolve("shards/POP/unsplit"), access)) {
				for (int i = 0; i < songs.size(); i++) {
					assertSameBits(reopened.source(i).framesFirst(), songs.get(i).mel().framesFirst());
				}
			}
		}
		assertThat(Files.list(dir.resolve("shards/POP")).map(path -> path.getFileName().toString()))
			.containsExactly("unsplit"); // the partial build folder is gone
	}

	@Test
	void valuesFloat16CannotHoldAreStoredAsFloat32(@TempDir Path dir) throws IOException {
		SplittableRandom random = new SplittableRandom(3);
		List<Song> songs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			float[] mel = new float[VALUES];
			for (int v = 0; v < VALUES; v++) {
				mel[v] = (float) random.nextGaussian() * 20 - 40;
			}
			songs.add(new Song("s" + i, Genre.BALLAD, i == 1, MelSource.inMemory(mel), null, null));
		}
		MelShard shard = writer.build(songs, dir.resolve("memory"));
		assertThat(shard.dtype()).isEqualTo("float32");
		for (int i = 0; i < songs.size(); i++) {
			assertSameBits(shard.mel(i), songs.get(i).mel().framesFirst());
		}
	}

	@Test
	void sameSongsReuseTheShardAndChangedOnesRebuildIt(@TempDir Path dir) throws IOException {
		List<Song> songs = melonSongs(dir, 4);
		Path folder = dir.resolve("shards/POP/train");
		MelShard built = writer.openOrBuild(songs, folder);
		FileTime written = Files.getLastModifiedTime(folder.resolve("part-000.shard"));
		MelShard reused = writer.openOrBuild(songs, folder);
		assertThat(log.toString(StandardCharsets.UTF_8)).contains("reusing the mel shard");
		assertThat(reused.fingerprint()).isEqualTo(built.fingerprint());
		assertThat(Files.getLastModifiedTime(folder.resolve("part-000.shard"))).isEqualTo(written);

		List<Song> relabelled = new ArrayList<>(songs);
		Song first = songs.get(0);
		relabelled.set(0, new Song(first.id(), first.genre(), !first.hit(), first.mel(), null, null));
		MelShard rebuilt = writer.openOrBuild(relabelled, folder);
		assertThat(rebuilt.fingerprint()).isNotEqualTo(built.fingerprint());
		assertThat(rebuilt.hit(0)).isEqualTo(!first.hit());

		// A mel file rewritten with other values (and so another modification time) is a change too.
		Path file = dir.resolve("arena_mel/0/2.npy");
		MelonMels.write(file, 1876, MelonMels.randomHalves(48 * 1876, 99));
		Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
		MelShard again = writer.openOrBuild(relabelled, folder);
		assertThat(again.fingerprint()).isNotEqualTo(rebuilt.fingerprint());
		assertSameBits(again.mel(2), relabelled.get(2).mel().framesFirst());
	}

	@Test
	void truncatedPieceIsRefusedClearly(@TempDir Path dir) throws IOException {
		Path folder = dir.resolve("shard");
		writer.build(melonSongs(dir, 3), folder);
		Path piece = folder.resolve("part-001.shard");
		try (RandomAccessFile file = new RandomAccessFile(piece.toFile(), "rw")) {
			file.setLength(file.length() - 1000);
		}
		assertThatThrownBy(() -> MelShard.open(folder)).isInstanceOf(IOException.class)
			.hasMessageContaining("part-001.shard is truncated")
			.hasMessageContaining("rebuild");

		// The writer rebuilds a shard it cannot open instead of failing.
		MelShard rebuilt = writer.openOrBuild(melonSongs(dir, 3), folder);
		assertThat(rebuilt.size()).isEqualTo(3);
		assertThat(log.toString(StandardCharsets.UTF_8)).contains("truncated").contains("rebuilding");
	}

	@Test
	void missingPieceAndForeignFileAreRefused(@TempDir Path dir) throws IOException {
		Path folder = dir.resolve("shard");
		writer.build(melonSongs(dir, 5), folder);
		Files.delete(folder.resolve("part-001.shard"));
		assertThatThrownBy(() -> MelShard.open(folder)).isInstanceOf(IOException.class)
			.hasMessageContaining("pieces");
		Path other = Files.createDirectories(dir.resolve("other"));
		Files.writeString(other.resolve("part-000.shard"), "not a shard at all, but long enough to hold a header. "
				.repeat(4));
		assertThatThrownBy(() -> MelShard.open(other)).isInstanceOf(IOException.class)
			.hasMessageContaining("is not a mel shard");
	}

	@Test
	void damagedValuesAreAnErrorNotNoise(@TempDir Path dir) throws IOException {
		Path folder = dir.resolve("shard");
		MelShard built = writer.build(melonSongs(dir, 2), folder);
		assertThat(built.pieces()).isEqualTo(1);
		corruptSecondSong(folder.resolve("part-000.shard"));
		for (MelShard.Access access : MelShard.Access.values()) {
			try (MelShard damaged = MelShard.open(folder, access)) {
				assertThat(damaged.mel(0)).hasSize(VALUES);
				assertThatThrownBy(() -> damaged.mel(1)).isInstanceOf(IOException.class)
					.hasMessageContaining("song song-1 are corrupt");
			}
		}
	}

	/** Flips bytes in the middle of the second song's values. */
	static void corruptSecondSong(Path piece) throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(piece.toFile(), "rw")) {
			long position = file.length() - STRIDE16 / 2;
			file.seek(position);
			int value = file.read();
			file.seek(position);
			file.write(value ^ 0x5a);
		}
	}

	@Test
	void songWithoutAMelIsRefused(@TempDir Path dir) {
		List<Song> songs = List.of(new Song("no-audio", Genre.DANCE, true, null, "lyrics", null));
		assertThatThrownBy(() -> writer.build(songs, dir.resolve("shard"))).isInstanceOf(IOException.class)
			.hasMessageContaining("no-audio has no mel");
	}
}
