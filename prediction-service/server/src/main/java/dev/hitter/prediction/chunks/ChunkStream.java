package dev.hitter.prediction.chunks;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Bytes kept in the database as numbered chunks (batch staging, published audio), read as one stream that fetches
 * one chunk at a time as it is read: never more than a chunk in memory, whatever the file's size.
 */
public final class ChunkStream extends InputStream {

	/** Small enough for any server's max_allowed_packet, large enough that a file is a few rows. */
	public static final int CHUNK_BYTES = 1024 * 1024;

	/** Where {@link #copy} puts each chunk: numbered from 0. */
	@FunctionalInterface
	public interface ChunkSink {

		void put(int chunk, byte[] bytes);
	}

	/** Splits a stream into chunks (never more than one in memory); answers how many bytes it held. */
	public static long copy(InputStream in, ChunkSink sink) throws IOException {
		int chunk = 0;
		long total = 0;
		byte[] bytes;
		while ((bytes = in.readNBytes(CHUNK_BYTES)).length > 0) {
			sink.put(chunk++, bytes);
			total += bytes.length;
		}
		return total;
	}

	private final IntFunction<Optional<byte[]>> chunks;

	private int next;

	private byte[] current = new byte[0];

	private int offset;

	private boolean ended;

	/** From the first byte. */
	public ChunkStream(IntFunction<Optional<byte[]>> chunks) {
		this(chunks, 0, 0);
	}

	/**
	 * From byte {@code skip} of chunk {@code first}: a range read starts where it is asked to, without fetching the
	 * chunks before it.
	 */
	public ChunkStream(IntFunction<Optional<byte[]>> chunks, int first, int skip) {
		this.chunks = chunks;
		this.next = first;
		if (skip > 0) {
			fetch();
			offset = Math.min(skip, current.length);
		}
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int from, int length) {
		if (length == 0) {
			return 0;
		}
		while (offset == current.length) {
			if (ended || !fetch()) {
				return -1;
			}
		}
		int n = Math.min(length, current.length - offset);
		System.arraycopy(current, offset, buffer, from, n);
		offset += n;
		return n;
	}

	private boolean fetch() {
		Optional<byte[]> chunk = chunks.apply(next++);
		if (chunk.isEmpty()) {
			ended = true;
			current = new byte[0];
			offset = 0;
			return false;
		}
		current = chunk.get();
		offset = 0;
		return true;
	}
}
