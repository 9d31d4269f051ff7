package dev.hitter.features.audio;

import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_SCORE_RETRY;
import static org.bytedeco.ffmpeg.global.avformat.av_probe_input_format3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVProbeData;
import org.bytedeco.javacpp.BytePointer;

import dev.hitter.features.audio.AudioRejectedException.Reason;

/**
 * Tells, for a file FFmpeg refused to open, whether it was audio at all: a known container's magic bytes make a
 * refusal {@code TRUNCATED} (its structure runs past the end of the file) or {@code DAMAGED}; anything else is
 * {@code NOT_AUDIO}. Only looks at a few headers (at most 64 KB), never reads the whole file.
 */
final class ContainerSniffer {

	private ContainerSniffer() {
	}

	/** Bytes FFmpeg's probe sees when judging a format that is not on the decoder's list. */
	private static final int PROBE_BYTES = 1 << 16;

	/**
	 * For a file whose detected format is not on the decoder's list: {@code UNSUPPORTED_FORMAT} if FFmpeg is sure
	 * what it is (an image, a video container), {@code NOT_AUDIO} if the detection was a guess (random bytes).
	 */
	static Reason classifyUnlisted(Path file) {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(PROBE_BYTES);
		}
		catch (IOException ex) {
			return Reason.NOT_AUDIO;
		}
		// The probe reads past the end by up to AVPROBE_PADDING_SIZE bytes, which must be zeros.
		try (BytePointer buffer = new BytePointer((long) head.length + AVPROBE_PADDING_SIZE);
				BytePointer noName = new BytePointer("");
				AVProbeData probe = new AVProbeData()) {
			buffer.zero();
			buffer.put(head, 0, head.length);
			probe.buf(buffer).buf_size(head.length).filename(noName).mime_type(null);
			int[] score = new int[1];
			AVInputFormat format = av_probe_input_format3(probe, 1, score);
			return format != null && !format.isNull() && score[0] > AVPROBE_SCORE_RETRY ? Reason.UNSUPPORTED_FORMAT
					: Reason.NOT_AUDIO;
		}
	}

	static Reason classifyUnopenable(Path file, long size) {
		byte[] head = new byte[12];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		catch (IOException ex) {
			return Reason.NOT_AUDIO;
		}
		if (n < 4) {
			return Reason.NOT_AUDIO;
		}
		try {
			if (n >= 8 && ascii(head, 4, "ftyp")) {
				return boxesRunPastEnd(file, size) ? Reason.TRUNCATED : Reason.DAMAGED;
			}
			if (ascii(head, 0, "fLaC")) {
				return flacMetadataRunsPastEnd(file, size) ? Reason.TRUNCATED : Reason.DAMAGED;
			}
			if (ascii(head, 0, "ID3")) {
				return n >= 10 && 10 + synchsafe(head, 6) >= size ? Reason.TRUNCATED : Reason.DAMAGED;
			}
			if (n >= 12 && (ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")
					|| ascii(head, 0, "FORM") && (ascii(head, 8, "AIFF") || ascii(head, 8, "AIFC")))) {
				return size < 64 ? Reason.TRUNCATED : Reason.DAMAGED;
			}
			if (ascii(head, 0, "OggS") || ascii(head, 0, "caf ")
					|| (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF) {
				return Reason.DAMAGED;
			}
		}
		catch (IOException ex) {
			return Reason.DAMAGED;
		}
		return Reason.NOT_AUDIO;
	}

	private static boolean ascii(byte[] bytes, int offset, String text) {
		for (int i = 0; i < text.length(); i++) {
			if (bytes[offset + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int synchsafe(byte[] b, int offset) {
		return (b[offset] & 0x7F) << 21 | (b[offset + 1] & 0x7F) << 14 | (b[offset + 2] & 0x7F) << 7
				| (b[offset + 3] & 0x7F);
	}

	// An MP4 whose moov never arrived is the usual truncation: the last top-level box claims more than is left.
	private static boolean boxesRunPastEnd(Path file, long size) throws IOException {
		try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
			ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
			long pos = 0;
			for (int boxes = 0; boxes < 10_000 && pos < size; boxes++) {
				if (size - pos < 8) {
					return true;
				}
				header.clear();
				ch.position(pos);
				readFully(ch, header, 16);
				long boxSize = header.getInt(0) & 0xFFFFFFFFL;
				if (boxSize == 1) {
					if (header.position() < 16) {
						return true;
					}
					boxSize = header.getLong(8);
				}
				else if (boxSize == 0) {
					return false;
				}
				if (boxSize < 8) {
					return false;
				}
				if (pos + boxSize > size) {
					return true;
				}
				pos += boxSize;
			}
			return false;
		}
	}

	private static boolean flacMetadataRunsPastEnd(Path file, long size) throws IOException {
		try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
			ByteBuffer header = ByteBuffer.allocate(4);
			long pos = 4;
			for (int blocks = 0; blocks < 1000; blocks++) {
				if (pos + 4 > size) {
					return true;
				}
				header.clear();
				ch.position(pos);
				readFully(ch, header, 4);
				boolean last = (header.get(0) & 0x80) != 0;
				long length = (header.get(1) & 0xFFL) << 16 | (header.get(2) & 0xFFL) << 8 | header.get(3) & 0xFFL;
				pos += 4 + length;
				if (pos > size) {
					return true;
				}
				if (last) {
					return pos >= size;
				}
			}
			return false;
		}
	}

	private static void readFully(SeekableByteChannel ch, ByteBuffer buffer, int limit) throws IOException {
		buffer.limit(limit);
		while (buffer.hasRemaining() && ch.read(buffer) > 0) {
			// keep reading until full or end of file
		}
	}
}
