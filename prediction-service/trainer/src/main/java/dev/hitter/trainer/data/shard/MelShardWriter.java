package dev.hitter.trainer.data.shard;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import dev.hitter.trainer.data.MelSource;
import dev.hitter.trainer.data.Song;

/**
 * Builds a {@link MelShard} from songs, reading each song's {@link MelSource} once on a bounded pool of threads
 * (each holds one mel at a time), or reuses the shard already in the folder when the songs' fingerprint matches.
 * Values are stored as float16 when every one of them is exactly a float16 (Melon's are: they were float16
 * {@code .npy}), else as float32, so the shard always gives back exactly what {@code MelSource} gave.
 */
public final class MelShardWriter {

	/** Below the 2 GB a single {@link MappedByteBuffer} can hold, with room to spare. */
	public static final long DEFAULT_PIECE_BYTES = 1L << 30;

	private static final int ALIGN = 4096;

	private final int threads;

	private final long pieceBytes;

	private final PrintStream progress;

	/**
	 * @param threads songs read at once while building
	 * @param pieceBytes most value bytes per piece file (each piece is mapped whole, so at most 2 GB)
	 */
	public MelShardWriter(int threads, long pieceBytes, PrintStream progress) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1");
		}
		if (pieceBytes < 1 || pieceBytes > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("a piece holds 1 byte to 2 GB of values");
		}
		this.threads = threads;
		this.pieceBytes = pieceBytes;
		this.progress = progress;
	}

	public MelShardWriter(PrintStream progress) {
		this(Math.max(1, Runtime.getRuntime().availableProcessors()), DEFAULT_PIECE_BYTES, progress);
	}

	/** The shard of these songs in {@code folder}: the one there if its fingerprint matches, else built anew. */
	public MelShard openOrBuild(List<Song> songs, Path folder) throws IOException {
		String fingerprint = HexFormat.of().formatHex(fingerprint(songs));
		if (Files.isDirectory(folder)) {
			try {
				MelShard existing = MelShard.open(folder);
				if (existing.fingerprint().equals(fingerprint)) {
					progress.printf("%s: reusing the mel shard (%,d songs, %s, fingerprint %s)%n", folder,
							existing.size(), existing.dtype(), fingerprint.substring(0, 12));
					return existing;
				}
				progress.printf("%s: the songs changed (fingerprint %s, was %s); rebuilding the mel shard%n", folder,
						fingerprint.substring(0, 12), existing.fingerprint().substring(0, 12));
				existing.close();
			}
			catch (IOException ex) {
				progress.printf("%s: %s; rebuilding the mel shard%n", folder, ex.getMessage());
			}
		}
		return build(songs, folder);
	}

	/**
	 * SHA-256 over what the shard holds: the format, the mel shape, and per song its id, label and where its mel
	 * comes from ({@link MelSource#origin()}: a file's path, size and modification time) — or, for a source that
	 * cannot say (in memory), its values.
	 */
	public static byte[] fingerprint(List<Song> songs) throws IOException {
		MessageDigest digest = sha256();
		digest.update(("hitter-mel-shard " + ShardHeader.VERSION + " " + MelSource.FRAMES + "x" + MelSource.BANDS
				+ " " + songs.size() + "\n").getBytes(StandardCharsets.UTF_8));
		ByteBuffer floats = ByteBuffer.allocate(MelSource.FRAMES * MelSource.BANDS * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (Song song : songs) {
			MelSource mel = requireMel(song);
			String origin = mel.origin();
			digest.update((song.id() + "\t" + (song.hit() ? 1 : 0) + "\t" + (origin == null ? "values" : origin) + "\n")
				.getBytes(StandardCharsets.UTF_8));
			if (origin == null) {
				floats.clear();
				floats.asFloatBuffer().put(mel.framesFirst());
				digest.update(floats);
			}
		}
		return digest.digest();
	}

	/** Builds in a hidden sibling folder and renames it into place, so a half-built shard is never opened. */
	public MelShard build(List<Song> songs, Path folder) throws IOException {
		if (songs.isEmpty()) {
			throw new IllegalArgumentException("a mel shard needs at least one song");
		}
		long started = System.nanoTime();
		byte[] fingerprint = fingerprint(songs);
		Path partial = folder.resolveSibling("." + folder.getFileName() + ".partial");
		try {
			int bytesPerValue = 2;
			if (!write(songs, partial, fingerprint, 2)) {
				progress.printf("%s: some mel values are not exactly float16; storing float32%n", folder);
				bytesPerValue = 4;
				write(songs, partial, fingerprint, 4);
			}
			deleteTree(folder);
			Files.createDirectories(folder.toAbsolutePath().getParent());
			Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
			MelShard shard = MelShard.open(folder);
			progress.printf("%s: built a mel shard of %,d songs (%s, %d piece%s, %,d MB) in %.1f s%n", folder,
					songs.size(), bytesPerValue == 2 ? "float16" : "float32", shard.pieces(),
					shard.pieces() == 1 ? "" : "s",
					(long) songs.size() * MelSource.FRAMES * MelSource.BANDS * bytesPerValue / 1_000_000,
					(System.nanoTime() - started) / 1e9);
			return shard;
		}
		finally {
			deleteTree(partial);
		}
	}

	/** One attempt at a dtype; false when a value is not exactly a float16 (then nothing usable was written). */
	private boolean write(List<Song> songs, Path partial, byte[] fingerprint, int bytesPerValue) throws IOException {
		deleteTree(partial);
		Files.createDirectories(partial);
		int values = MelSource.FRAMES * MelSource.BANDS;
		long stride = (long) values * bytesPerValue;
		int perPiece = (int) Math.max(1, pieceBytes / stride);
		int pieces = (songs.size() + perPiece - 1) / perPiece;
		List<Piece> files = new ArrayList<>();
		try {
			for (int piece = 0; piece < pieces; piece++) {
				int first = piece * perPiece;
				files.add(Piece.create(partial.resolve(MelShard.pieceName(piece)), piece, pieces, first,
						songs.subList(first, Math.min(songs.size(), first + perPiece)), stride, songs.size(),
						bytesPerValue, fingerprint));
			}
			int[] checksums = new int[songs.size()];
			if (!fill(songs, files, perPiece, stride, bytesPerValue, checksums)) {
				return false;
			}
			for (Piece piece : files) {
				piece.finish(checksums);
			}
			return true;
		}
		finally {
			for (Piece piece : files) {
				piece.channel.close();
			}
		}
	}

	/** Reads every song's mel on the pool and puts its bytes in place; false when float16 cannot hold a value. */
	private boolean fill(List<Song> songs, List<Piece> files, int perPiece, long stride, int bytesPerValue,
			int[] checksums) throws IOException {
		AtomicInteger next = new AtomicInteger();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicBoolean inexact = new AtomicBoolean();
		AtomicInteger done = new AtomicInteger();
		int step = Math.max(1, songs.size() / 10);
		long started = System.nanoTime();
		int workers = Math.min(threads, songs.size());
		ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("mel-shard-writer"));
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				futures.add(pool.submit(() -> {
					byte[] bytes = new byte[(int) stride];
					ByteBuffer encoded = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
					for (int i = next.getAndIncrement(); i < songs.size() && !stop.get(); i = next.getAndIncrement()) {
						Song song = songs.get(i);
						float[] mel = requireMel(song).framesFirst();
						if (mel.length != stride / bytesPerValue) {
							throw new IOException("the mel of song " + song.id() + " holds " + mel.length
									+ " values, not " + MelSource.FRAMES + " × " + MelSource.BANDS);
						}
						if (!encode(mel, encoded, bytesPerValue)) {
							inexact.set(true);
							stop.set(true);
							return null;
						}
						CRC32C crc = new CRC32C();
						crc.update(bytes);
						checksums[i] = (int) crc.getValue();
						Piece piece = files.get(i / perPiece);
						piece.data.put((int) ((i % perPiece) * stride), bytes);
						int count = done.incrementAndGet();
						if (count % step == 0 && songs.size() >= 1000) {
							progress.printf("  %,d of %,d mels packed (%.0f songs/s)%n", count, songs.size(),
									count / ((System.nanoTime() - started) / 1e9));
						}
					}
					return null;
				}));
			}
			IOException failure = null;
			for (Future<?> future : futures) {
				try {
					future.get();
				}
				catch (ExecutionException ex) {
					stop.set(true);
					if (failure == null) {
						failure = asIOException(ex.getCause());
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					stop.set(true);
					throw new InterruptedIOException("interrupted while building a mel shard");
				}
			}
			if (failure != null) {
				throw failure;
			}
			return !inexact.get();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static boolean encode(float[] mel, ByteBuffer out, int bytesPerValue) throws IOException {
		for (int i = 0; i < mel.length; i++) {
			if (!Float.isFinite(mel[i])) {
				throw new IOException("a mel holds a non-finite value");
			}
			if (bytesPerValue == 2) {
				int half = Float16.encodeExact(mel[i]);
				if (half == Float16.INEXACT) {
					return false;
				}
				out.putShort(i * 2, (short) half);
			}
			else {
				out.putFloat(i * 4, mel[i]);
			}
		}
		return true;
	}

	static IOException asIOException(Throwable cause) {
		if (cause instanceof IOException io) {
			return io;
		}
		if (cause instanceof UncheckedIOException unchecked) {
			return unchecked.getCause();
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
	}

	private static MelSource requireMel(Song song) throws IOException {
		if (song.mel() == null) {
			throw new IOException("song " + song.id() + " has no mel: a mel shard holds audio songs only");
		}
		return song.mel();
	}

	static ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void deleteTree(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** One piece file being written: its index is known up front, its values arrive from the pool. */
	private static final class Piece {

		private final FileChannel channel;

		private final MappedByteBuffer data;

		private final ShardHeader header;

		private final List<Song> songs;

		private Piece(FileChannel channel, MappedByteBuffer data, ShardHeader header, List<Song> songs) {
			this.channel = channel;
			this.data = data;
			this.header = header;
			this.songs = songs;
		}

		static Piece create(Path file, int piece, int pieces, int first, List<Song> songs, long stride, int total,
				int bytesPerValue, byte[] fingerprint) throws IOException {
			long indexBytes = 0;
			for (Song song : songs) {
				int idBytes = song.id().getBytes(StandardCharsets.UTF_8).length;
				if (idBytes == 0 || idBytes > 65_535) {
					throw new IOException("song id '" + song.id() + "' cannot go into a mel shard (1 to 65,535 bytes)");
				}
				indexBytes += 2 + idBytes + 1 + 4 + 8;
			}
			long dataOffset = (ShardHeader.SIZE + indexBytes + ALIGN - 1) / ALIGN * ALIGN;
			long length = dataOffset + songs.size() * stride;
			ShardHeader header = new ShardHeader(bytesPerValue, MelSource.FRAMES, MelSource.BANDS, piece, pieces,
					songs.size(), first, total, fingerprint, ShardHeader.SIZE, dataOffset, length);
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			try {
				// The file gets its full length first (sparse), so the pool can write any song's bytes in any order.
				channel.write(ByteBuffer.allocate(1), length - 1);
				MappedByteBuffer data = channel.map(FileChannel.MapMode.READ_WRITE, dataOffset, songs.size() * stride);
				return new Piece(channel, data, header, songs);
			}
			catch (IOException | RuntimeException ex) {
				channel.close();
				throw ex;
			}
		}

		/** Values to disk, then the index, then the header: the magic appears only on a complete piece. */
		void finish(int[] checksums) throws IOException {
			data.force();
			long indexBytes = header.dataOffset() - header.indexOffset();
			ByteBuffer index = ByteBuffer.allocate((int) indexBytes).order(ByteOrder.LITTLE_ENDIAN);
			for (int k = 0; k < songs.size(); k++) {
				Song song = songs.get(k);
				byte[] id = song.id().getBytes(StandardCharsets.UTF_8);
				index.putShort((short) id.length).put(id).put((byte) (song.hit() ? 1 : 0))
					.putInt(checksums[header.firstSong() + k])
					.putLong(header.dataOffset() + k * header.stride());
			}
			index.clear();
			writeFully(index, header.indexOffset());
			channel.force(true);
			writeFully(header.encode(), 0);
			channel.force(true);
		}

		private void writeFully(ByteBuffer buffer, long position) throws IOException {
			long at = position;
			while (buffer.hasRemaining()) {
				at += channel.write(buffer, at);
			}
		}
	}
}
