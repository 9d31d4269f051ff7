package dev.hitter.prediction.job;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.IntFunction;

/** A staged item's audio as one stream, fetching its chunks in order as they are read. */
final class StagedAudioStream extends InputStream {

	private final IntFunction<Optional<byte[]>> chunks;

	private int next;

	private byte[] current = new byte[0];

	private int offset;

	private boolean ended;

	StagedAudioStream(IntFunction<Optional<byte[]>> chunks) {
		this.chunks = chunks;
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
			if (ended) {
				return -1;
			}
			Optional<byte[]> chunk = chunks.apply(next++);
			if (chunk.isEmpty()) {
				ended = true;
				return -1;
			}
			current = chunk.get();
			offset = 0;
		}
		int n = Math.min(length, current.length - offset);
		System.arraycopy(current, offset, buffer, from, n);
		offset += n;
		return n;
	}
}
