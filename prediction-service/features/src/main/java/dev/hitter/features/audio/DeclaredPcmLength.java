package dev.hitter.features.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The length a WAV or AIFF header declares for its sample data, against the frames the file holds. FFmpeg sizes
 * these containers by the file, and the decoder reads only the segment it needs, so a cut file would pass as a
 * shorter, complete track; this reads the header itself. Walks at most {@value #MAX_CHUNKS} chunk headers, never
 * the data.
 */
final class DeclaredPcmLength {

	/** Declared and present sample frames of one file. */
	record Frames(long declared, long present) {
	}

	private static final int MAX_CHUNKS = 1000;

	/**
	 * The size streaming writers put in the header when they cannot know the length (with 0): no statement at all.
	 * Every other value is a statement, however large.
	 */
	private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

	private DeclaredPcmLength() {
	}

	/**
	 * The frames a WAV's {@code data} chunk or an uncompressed AIFF's {@code COMM} chunk declares, and those
	 * present; empty for other containers and for headers that leave the length open (0 or 0xFFFFFFFF).
	 */
	static Optional<Frames> of(Path file, long size) {
		try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
			ByteBuffer head = read(ch, 0, 12, ByteOrder.LITTLE_ENDIAN);
			if (head.limit() < 12) {
				return Optional.empty();
			}
			String riff = ascii(head, 0);
			String kind = ascii(head, 8);
			if (riff.equals("RIFF") && kind.equals("WAVE")) {
				return wav(ch, size);
			}
			if (riff.equals("FORM") && (kind.equals("AIFF") || kind.equals("AIFC"))) {
				return aiff(ch, size, kind.equals("AIFC"));
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Frames> wav(SeekableByteChannel ch, long size) throws IOException {
		int blockAlign = 0;
		long pos = 12;
		for (int chunks = 0; chunks < MAX_CHUNKS && pos + 8 <= size; chunks++) {
			ByteBuffer chunk = read(ch, pos, 8, ByteOrder.LITTLE_ENDIAN);
			String id = ascii(chunk, 0);
			long length = chunk.getInt(4) & 0xFFFF_FFFFL;
			if (id.equals("fmt ")) {
				ByteBuffer fmt = read(ch, pos + 8, 16, ByteOrder.LITTLE_ENDIAN);
				blockAlign = fmt.limit() >= 14 ? fmt.getShort(12) & 0xFFFF : 0;
			}
			else if (id.equals("data")) {
				if (blockAlign == 0 || length == 0 || length == UNKNOWN_SIZE) {
					return Optional.empty();
				}
				long present = Math.min(length, size - (pos + 8));
				return Optional.of(new Frames(length / blockAlign, present / blockAlign));
			}
			pos += 8 + length + (length & 1);
		}
		return Optional.empty();
	}

	private static Optional<Frames> aiff(SeekableByteChannel ch, long size, boolean compressedKind)
			throws IOException {
		long declared = -1;
		int frameBytes = 0;
		long pos = 12;
		for (int chunks = 0; chunks < MAX_CHUNKS && pos + 8 <= size; chunks++) {
			ByteBuffer chunk = read(ch, pos, 8, ByteOrder.BIG_ENDIAN);
			String id = ascii(chunk, 0);
			long length = chunk.getInt(4) & 0xFFFF_FFFFL;
			if (id.equals("COMM")) {
				ByteBuffer comm = read(ch, pos + 8, 22, ByteOrder.BIG_ENDIAN);
				if (comm.limit() < 8) {
					return Optional.empty();
				}
				// AIFC may compress; only uncompressed PCM has a fixed number of bytes per frame.
				if (compressedKind && (comm.limit() < 22 || !isPcm(ascii(comm, 18)))) {
					return Optional.empty();
				}
				int channels = comm.getShort(0) & 0xFFFF;
				declared = comm.getInt(2) & 0xFFFF_FFFFL;
				frameBytes = channels * (((comm.getShort(6) & 0xFFFF) + 7) / 8);
			}
			else if (id.equals("SSND")) {
				ByteBuffer ssnd = read(ch, pos + 8, 4, ByteOrder.BIG_ENDIAN);
				if (declared <= 0 || frameBytes == 0 || ssnd.limit() < 4) {
					return Optional.empty();
				}
				long dataStart = pos + 16 + (ssnd.getInt(0) & 0xFFFF_FFFFL);
				long present = Math.max(0, size - dataStart) / frameBytes;
				return Optional.of(new Frames(declared, Math.min(declared, present)));
			}
			pos += 8 + length + (length & 1);
		}
		return Optional.empty();
	}

	private static boolean isPcm(String compression) {
		return compression.equals("NONE") || compression.equals("sowt") || compression.equals("twos")
				|| compression.equals("raw ");
	}

	private static ByteBuffer read(SeekableByteChannel ch, long pos, int length, ByteOrder order) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
		ch.position(pos);
		while (buffer.hasRemaining() && ch.read(buffer) > 0) {
			// until full or the end of the file
		}
		buffer.flip();
		return buffer;
	}

	private static String ascii(ByteBuffer buffer, int offset) {
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			bytes[i] = offset + i < buffer.limit() ? buffer.get(offset + i) : 0;
		}
		return new String(bytes, StandardCharsets.US_ASCII);
	}
}
