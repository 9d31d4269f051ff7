package dev.hitter.trainer.data.shard;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import dev.hitter.trainer.data.MelSource;

/**
 * A packed set of fitted mels: one folder of pieces ({@code part-000.shard}, …), each either mapped whole (a
 * {@link MappedByteBuffer} stops at 2 GB, so a piece's values stay below that) or read with one positional read per
 * song. Reading a song is one copy and a CRC check — no file open, no header parse — and safe from many threads at
 * once. Close it to release the files.
 */
public final class MelShard implements Closeable {

	/** How songs' bytes are fetched. */
	public enum Access {
		/**
		 * Pages of the mapped pieces: no system call once they are cached. On a cold cache every first touch is a page
		 * fault whose read-around (the device's read-ahead, 8 MB on some disks) fetches far more than the song.
		 */
		MAPPED,
		/** One {@code pread} of exactly the song's bytes: the better choice when the set is larger than memory. */
		READ
	}

	static final String PIECE_GLOB = "part-*.shard";

	private final Path folder;

	private final ShardHeader first;

	private final String[] ids;

	private final boolean[] hits;

	private final int[] checksums;

	private final int[] pieceOf;

	private final long[] offsets;

	private final ByteBuffer[] data;

	private final long[] dataOffsets;

	private final FileChannel[] channels;

	private MelShard(Path folder, ShardHeader first, String[] ids, boolean[] hits, int[] checksums, int[] pieceOf,
			long[] offsets, ByteBuffer[] data, long[] dataOffsets, FileChannel[] channels) {
		this.channels = channels;
		this.folder = folder;
		this.first = first;
		this.ids = ids;
		this.hits = hits;
		this.checksums = checksums;
		this.pieceOf = pieceOf;
		this.offsets = offsets;
		this.data = data;
		this.dataOffsets = dataOffsets;
	}

	static String pieceName(int piece) {
		return String.format("part-%03d.shard", piece);
	}

	/**
	 * {@link #open(Path, Access)} mapped when the pieces take at most half the machine's memory (they stay cached
	 * from one epoch to the next, and a mapped read is the cheapest), read otherwise (the cache cannot hold them,
	 * and cold mapped reads fetch more than they need).
	 */
	public static MelShard open(Path folder) throws IOException {
		long bytes = 0;
		try (Stream<Path> listed = Files.list(folder)) {
			for (Path file : listed.toList()) {
				bytes += Files.isRegularFile(file) ? Files.size(file) : 0;
			}
		}
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		return open(folder, bytes <= memory / 2 ? Access.MAPPED : Access.READ);
	}

	/** Opens and checks every piece: magic, version, lengths (a truncated piece is refused), index and fingerprint. */
	public static MelShard open(Path folder, Access access) throws IOException {
		List<Path> files;
		try (Stream<Path> listed = Files.list(folder)) {
			files = listed.filter(file -> folder.getFileSystem().getPathMatcher("glob:" + PIECE_GLOB)
				.matches(file.getFileName())).sorted().toList();
		}
		if (files.isEmpty()) {
			throw new IOException(folder + " holds no mel-shard pieces (" + PIECE_GLOB + ")");
		}
		ShardHeader first = null;
		String[] ids = null;
		boolean[] hits = null;
		int[] checksums = null;
		int[] pieceOf = null;
		long[] offsets = null;
		ByteBuffer[] data = null;
		long[] dataOffsets = null;
		FileChannel[] channels = new FileChannel[files.size()];
		int nextFirst = 0;
		boolean opened = false;
		try {
			for (int piece = 0; piece < files.size(); piece++) {
				Path file = folder.resolve(pieceName(piece));
				if (!files.contains(file)) {
					throw new IOException(folder + " lacks " + file.getFileName() + " (rebuild the shards)");
				}
				FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
				channels[piece] = channel;
				String name = folder.getFileName() + "/" + file.getFileName();
				ByteBuffer head = ByteBuffer.allocate(ShardHeader.SIZE);
				readFully(channel, head, 0);
				ShardHeader header = ShardHeader.decode(head.flip(), name, channel.size());
				if (first == null) {
					first = header;
					if (header.pieces() != files.size()) {
						throw new IOException(folder + " holds " + files.size() + " pieces where " + name + " says "
								+ header.pieces() + " (rebuild the shards)");
					}
					int total = header.totalSongs();
					ids = new String[total];
					hits = new boolean[total];
					checksums = new int[total];
					pieceOf = new int[total];
					offsets = new long[total];
					data = new ByteBuffer[header.pieces()];
					dataOffsets = new long[header.pieces()];
				}
				else if (header.piece() != piece || header.frames() != first.frames() || header.bands() != first.bands()
						|| header.bytesPerValue() != first.bytesPerValue() || header.totalSongs() != first.totalSongs()
						|| !Arrays.equals(header.fingerprint(), first.fingerprint())) {
					throw new IOException(name + " does not belong with " + pieceName(0) + " (" + header.describe()
							+ "; rebuild the shards)");
				}
				if (header.piece() != piece || header.firstSong() != nextFirst) {
					throw new IOException(name + " is out of place: " + header.describe());
				}
				readIndex(channel, header, name, ids, hits, checksums, offsets);
				for (int i = header.firstSong(); i < header.firstSong() + header.songs(); i++) {
					pieceOf[i] = piece;
				}
				long bytes = header.songs() * header.stride();
				data[piece] = access == Access.MAPPED
						? channel.map(FileChannel.MapMode.READ_ONLY, header.dataOffset(), bytes) : null;
				dataOffsets[piece] = header.dataOffset();
				nextFirst += header.songs();
			}
			if (nextFirst != first.totalSongs()) {
				throw new IOException(folder + ": its pieces hold " + nextFirst + " of the " + first.totalSongs()
						+ " songs its header counts (rebuild the shards)");
			}
			if (access == Access.MAPPED) {
				// A mapping outlives its channel: nothing to keep open.
				closeAll(channels);
				channels = null;
			}
			opened = true;
			return new MelShard(folder, first, ids, hits, checksums, pieceOf, offsets, data, dataOffsets, channels);
		}
		finally {
			if (!opened) {
				closeAll(channels);
			}
		}
	}

	private static void closeAll(FileChannel[] channels) throws IOException {
		IOException failure = null;
		for (FileChannel channel : channels) {
			try {
				if (channel != null) {
					channel.close();
				}
			}
			catch (IOException ex) {
				failure = ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/** Releases the pieces' files (a mapped shard's mappings go with the garbage collector). */
	@Override
	public void close() throws IOException {
		if (channels != null) {
			closeAll(channels);
		}
	}

	private static void readIndex(FileChannel channel, ShardHeader header, String name, String[] ids,
			boolean[] hits, int[] checksums, long[] offsets) throws IOException {
		long length = header.dataOffset() - header.indexOffset();
		long most = (long) header.songs() * (2 + 65_535 + 1 + 4 + 8) + 4096;
		if (length > Math.min(most, Integer.MAX_VALUE)) {
			throw new IOException(name + " has a corrupt mel-shard index (" + length + " bytes for " + header.songs()
					+ " songs)");
		}
		ByteBuffer index = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
		readFully(channel, index, header.indexOffset());
		index.flip();
		try {
			for (int k = 0; k < header.songs(); k++) {
				int song = header.firstSong() + k;
				byte[] id = new byte[Short.toUnsignedInt(index.getShort())];
				index.get(id);
				int label = index.get();
				int checksum = index.getInt();
				long offset = index.getLong();
				if (label != 0 && label != 1 || offset != header.dataOffset() + k * header.stride() || id.length == 0) {
					throw new IOException(name + " has a corrupt mel-shard index at song " + song);
				}
				ids[song] = new String(id, StandardCharsets.UTF_8);
				hits[song] = label == 1;
				checksums[song] = checksum;
				offsets[song] = offset;
			}
		}
		catch (BufferUnderflowException ex) {
			throw new IOException(name + " has a corrupt mel-shard index (it ends early)", ex);
		}
	}

	private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		long at = position;
		while (buffer.hasRemaining()) {
			int read = channel.read(buffer, at);
			if (read < 0) {
				throw new IOException("unexpected end of a mel shard at byte " + at);
			}
			at += read;
		}
	}

	public Path folder() {
		return folder;
	}

	public int size() {
		return ids.length;
	}

	public int frames() {
		return first.frames();
	}

	public int bands() {
		return first.bands();
	}

	/** {@code float16} or {@code float32}. */
	public String dtype() {
		return first.bytesPerValue() == 2 ? "float16" : "float32";
	}

	public int pieces() {
		return data.length;
	}

	/** The fingerprint of the songs it was built from (hex SHA-256). */
	public String fingerprint() {
		return first.fingerprintHex();
	}

	public String id(int song) {
		return ids[song];
	}

	public boolean hit(int song) {
		return hits[song];
	}

	/** The song's time-major {@code frames × bands} values; checked against its CRC, so damage is an error, not noise. */
	public float[] mel(int song) throws IOException {
		int stride = (int) first.stride();
		byte[] bytes = new byte[stride];
		int piece = pieceOf[song];
		if (channels == null) {
			// Absolute bulk get: no shared position, so any number of loader threads read the same buffer.
			data[piece].get((int) (offsets[song] - dataOffsets[piece]), bytes);
		}
		else {
			// Positional reads share no position either; a channel closed under them ends the read with an error.
			readFully(channels[piece], ByteBuffer.wrap(bytes), offsets[song]);
		}
		CRC32C crc = new CRC32C();
		crc.update(bytes);
		if ((int) crc.getValue() != checksums[song]) {
			throw new IOException("mel shard " + folder.getFileName() + "/" + pieceName(piece) + ": the values of song "
					+ ids[song] + " are corrupt (checksum mismatch; rebuild the shards)");
		}
		ByteBuffer values = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		float[] out = new float[first.frames() * first.bands()];
		if (first.bytesPerValue() == 2) {
			short[] halves = new short[out.length];
			values.asShortBuffer().get(halves);
			for (int i = 0; i < out.length; i++) {
				out[i] = Float16.lookup(halves[i]);
			}
		}
		else {
			values.asFloatBuffer().get(out);
		}
		return out;
	}

	/** The song's mel as a {@link MelSource} reading from this shard. */
	public MelSource source(int song) {
		return new MelSource() {
			@Override
			public float[] framesFirst() throws IOException {
				return mel(song);
			}

			@Override
			public String origin() {
				return "shard " + fingerprint() + " #" + song;
			}
		};
	}
}
