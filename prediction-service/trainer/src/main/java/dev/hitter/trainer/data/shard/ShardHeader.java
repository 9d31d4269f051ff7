package dev.hitter.trainer.data.shard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The fixed 128 bytes at the start of every shard piece (little-endian). Written last, after the data and the
 * index are on disk, so a piece whose build was interrupted has no magic and is refused.
 *
 * <pre>
 *   0  8  magic "HITSHARD"        48 32 fingerprint (SHA-256 of the songs, see MelShardWriter)
 *   8  4  format version (1)      80  8 index offset (128)
 *  12  4  bytes per value (2 = float16, 4 = float32)
 *  16  4  frames                  88  8 data offset (4096-aligned)
 *  20  4  bands                   96  8 file length
 *  24  4  piece number           104 24 reserved (0)
 *  28  4  pieces
 *  32  4  songs in this piece
 *  36  4  first song's number in the whole shard
 *  40  4  songs in the whole shard
 *  44  4  reserved (0)
 * </pre>
 *
 * The index follows: per song a u16 id length, the id's UTF-8 bytes, a u8 label (1 = hit), the CRC32C of its
 * value bytes (i32) and the value bytes' offset in the file (i64). Each song's values are {@code frames × bands}
 * time-major, little-endian.
 */
record ShardHeader(int bytesPerValue, int frames, int bands, int piece, int pieces, int songs, int firstSong,
		int totalSongs, byte[] fingerprint, long indexOffset, long dataOffset, long fileLength) {

	static final int SIZE = 128;

	static final int VERSION = 1;

	private static final byte[] MAGIC = "HITSHARD".getBytes(StandardCharsets.US_ASCII);

	long stride() {
		return (long) frames * bands * bytesPerValue;
	}

	String fingerprintHex() {
		return HexFormat.of().formatHex(fingerprint);
	}

	ByteBuffer encode() {
		ByteBuffer buffer = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put(MAGIC).putInt(VERSION).putInt(bytesPerValue).putInt(frames).putInt(bands).putInt(piece)
			.putInt(pieces).putInt(songs).putInt(firstSong).putInt(totalSongs).putInt(0).put(fingerprint)
			.putLong(indexOffset).putLong(dataOffset).putLong(fileLength);
		return buffer.clear();
	}

	/** The header of a piece, checked for sense; {@code name} and {@code actualLength} make the message. */
	static ShardHeader decode(ByteBuffer buffer, String name, long actualLength) throws IOException {
		if (actualLength < SIZE) {
			throw new IOException(name + " is not a mel shard: " + actualLength + " bytes, shorter than its header");
		}
		buffer.order(ByteOrder.LITTLE_ENDIAN);
		byte[] magic = new byte[MAGIC.length];
		buffer.get(magic);
		if (!Arrays.equals(magic, MAGIC)) {
			throw new IOException(name + " is not a mel shard (no HITSHARD magic; an interrupted build leaves none)");
		}
		int version = buffer.getInt();
		if (version != VERSION) {
			throw new IOException(name + " is a version " + version + " mel shard; this trainer reads version "
					+ VERSION + " (rebuild it)");
		}
		int bytesPerValue = buffer.getInt();
		int frames = buffer.getInt();
		int bands = buffer.getInt();
		int piece = buffer.getInt();
		int pieces = buffer.getInt();
		int songs = buffer.getInt();
		int firstSong = buffer.getInt();
		int totalSongs = buffer.getInt();
		buffer.getInt();
		byte[] fingerprint = new byte[32];
		buffer.get(fingerprint);
		long indexOffset = buffer.getLong();
		long dataOffset = buffer.getLong();
		long fileLength = buffer.getLong();
		ShardHeader header = new ShardHeader(bytesPerValue, frames, bands, piece, pieces, songs, firstSong,
				totalSongs, fingerprint, indexOffset, dataOffset, fileLength);
		boolean sane = (bytesPerValue == 2 || bytesPerValue == 4) && frames > 0 && bands > 0 && pieces > 0
				&& piece >= 0 && piece < pieces && songs >= 0 && firstSong >= 0 && totalSongs >= 0
				&& (long) firstSong + songs <= totalSongs && indexOffset == SIZE && dataOffset >= indexOffset
				&& songs * header.stride() <= Integer.MAX_VALUE && dataOffset + songs * header.stride() == fileLength;
		if (!sane) {
			throw new IOException(name + " has a corrupt mel-shard header: " + header.describe());
		}
		if (actualLength != fileLength) {
			throw new IOException(name + " is " + (actualLength < fileLength ? "truncated" : "longer than it should be")
					+ ": " + actualLength + " bytes where its header says " + fileLength + " (rebuild the shards)");
		}
		return header;
	}

	String describe() {
		return String.format("piece %d of %d, %d songs from #%d of %d, %d × %d %s, data at %d, %d bytes", piece + 1,
				pieces, songs, firstSong, totalSongs, frames, bands, bytesPerValue == 2 ? "float16" : "float32",
				dataOffset, fileLength);
	}
}
