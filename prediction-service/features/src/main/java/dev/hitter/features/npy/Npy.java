package dev.hitter.features.npy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy's {@code .npy} format (versions 1–3), the format of the Melon Playlist Dataset's
 * mel-spectrograms. Reading accepts little- and big-endian floats (f2, f4, f8) and integers (i1–i8, u1–u2)
 * in C order and converts to float32; writing produces version 1.0 float32 or int32 files that
 * {@code numpy.load} reads. A malformed file is an {@link NpyFormatException}, never a huge allocation.
 */
public final class Npy {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };

	/** More cells than any mel or PCM the project handles (an hour of 16 kHz PCM is 57.6 M). */
	public static final long MAX_CELLS = 200_000_000L;

	private static final int MAX_HEADER = 64 * 1024;

	private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");

	private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");

	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	private Npy() {
	}

	public static NpyArray read(Path file) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			return read(in);
		}
	}

	public static NpyArray read(InputStream stream) throws IOException {
		DataInputStream in = new DataInputStream(stream);
		byte[] magic = new byte[MAGIC.length];
		readFully(in, magic);
		for (int i = 0; i < MAGIC.length; i++) {
			if (magic[i] != MAGIC[i]) {
				throw new NpyFormatException("not an .npy file (no \\x93NUMPY magic)");
			}
		}
		int major = in.readUnsignedByte();
		in.readUnsignedByte();
		long headerLength;
		if (major == 1) {
			headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
		}
		else if (major == 2 || major == 3) {
			headerLength = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
		}
		else {
			throw new NpyFormatException("unsupported .npy version " + major);
		}
		if (headerLength > MAX_HEADER) {
			throw new NpyFormatException("header of " + headerLength + " bytes is not plausible");
		}
		byte[] headerBytes = new byte[(int) headerLength];
		readFully(in, headerBytes);
		String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

		Matcher descr = DESCR.matcher(header);
		Matcher fortran = FORTRAN.matcher(header);
		Matcher shapeMatch = SHAPE.matcher(header);
		if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
			throw new NpyFormatException("header lacks descr, fortran_order or shape: " + header.strip());
		}
		if (fortran.group(1).equals("True")) {
			throw new NpyFormatException("Fortran-order arrays are not supported; save with C order");
		}
		int[] shape = parseShape(shapeMatch.group(1));
		long cells = 1;
		for (int dim : shape) {
			cells *= dim;
			if (cells > MAX_CELLS) {
				throw new NpyFormatException("array of more than " + MAX_CELLS + " cells refused");
			}
		}
		char order = descr.group(1).charAt(0);
		char kind = descr.group(2).charAt(0);
		int size = Integer.parseInt(descr.group(3));
		ByteOrder byteOrder = order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		float[] values = new float[(int) cells];
		readValues(in, kind, size, byteOrder, values);
		return new NpyArray(shape, descr.group(1) + kind + size, values);
	}

	/** Writes float32, C order, version 1.0; atomically (a reader never sees half a file). */
	public static void writeFloats(Path file, NpyArray array) throws IOException {
		write(file, "<f4", array.shape(), 4, (buffer, i) -> buffer.putFloat(array.values()[i]), array.values().length);
	}

	/** Writes int32 values (token ids), C order, version 1.0; atomically. */
	public static void writeInts(Path file, int[] values, int... shape) throws IOException {
		long cells = 1;
		for (int dim : shape) {
			cells *= dim;
		}
		if (cells != values.length) {
			throw new IllegalArgumentException("shape does not match " + values.length + " values");
		}
		write(file, "<i4", shape, 4, (buffer, i) -> buffer.putInt(values[i]), values.length);
	}

	private interface CellWriter {

		void put(ByteBuffer buffer, int index);

	}

	private static void write(Path file, String descr, int[] shape, int cellBytes, CellWriter cells, int count)
			throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path partial = Files.createTempFile(parent, "." + file.getFileName(), ".partial");
		try {
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
				out.write(header(descr, shape));
				ByteBuffer buffer = ByteBuffer.allocate(8192 * cellBytes).order(ByteOrder.LITTLE_ENDIAN);
				for (int i = 0; i < count; i++) {
					if (buffer.remaining() < cellBytes) {
						out.write(buffer.array(), 0, buffer.position());
						buffer.clear();
					}
					cells.put(buffer, i);
				}
				out.write(buffer.array(), 0, buffer.position());
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	static byte[] header(String descr, int[] shape) {
		StringBuilder dims = new StringBuilder();
		for (int i = 0; i < shape.length; i++) {
			dims.append(shape[i]).append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
		}
		String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
		// NumPy pads the header with spaces and a newline so that the data starts at a multiple of 64.
		int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
		int padding = (64 - unpadded % 64) % 64;
		String text = dict + " ".repeat(padding) + "\n";
		ByteBuffer buffer = ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
		buffer.put(text.getBytes(StandardCharsets.ISO_8859_1));
		return buffer.array();
	}

	private static int[] parseShape(String text) throws NpyFormatException {
		List<Integer> dims = new ArrayList<>();
		for (String part : text.split(",")) {
			String dim = part.strip();
			if (dim.isEmpty()) {
				continue;
			}
			try {
				dims.add(Integer.parseInt(dim.endsWith("L") ? dim.substring(0, dim.length() - 1) : dim));
			}
			catch (NumberFormatException ex) {
				throw new NpyFormatException("shape dimension '" + dim + "' is not a number");
			}
		}
		int[] shape = new int[dims.size()];
		for (int i = 0; i < shape.length; i++) {
			shape[i] = dims.get(i);
			if (shape[i] < 0) {
				throw new NpyFormatException("negative dimension " + shape[i]);
			}
		}
		return shape;
	}

	private static void readValues(DataInputStream in, char kind, int size, ByteOrder order, float[] values)
			throws IOException {
		boolean supported = switch (kind) {
			case 'f' -> size == 2 || size == 4 || size == 8;
			case 'i' -> size == 1 || size == 2 || size == 4 || size == 8;
			case 'u' -> size == 1 || size == 2;
			default -> false;
		};
		if (!supported) {
			throw new NpyFormatException("dtype " + kind + size + " is not supported (floats, integers)");
		}
		byte[] chunk = new byte[size * 8192];
		ByteBuffer buffer = ByteBuffer.wrap(chunk).order(order);
		int i = 0;
		while (i < values.length) {
			int count = Math.min(8192, values.length - i);
			readFully(in, chunk, count * size);
			buffer.clear();
			for (int j = 0; j < count; j++, i++) {
				values[i] = switch (kind) {
					case 'f' -> size == 2 ? halfToFloat(buffer.getShort()) : size == 4 ? buffer.getFloat() : (float) buffer.getDouble();
					case 'i' -> size == 1 ? buffer.get() : size == 2 ? buffer.getShort() : size == 4 ? buffer.getInt() : buffer.getLong();
					default -> size == 1 ? Byte.toUnsignedInt(buffer.get()) : Short.toUnsignedInt(buffer.getShort());
				};
			}
		}
	}

	/**
	 * IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat); public so that whatever else stores Melon's
	 * float16 mels (the trainer's shards) decodes them exactly as a {@code .npy} is read.
	 */
	public static float halfToFloat(short half) {
		int bits = half & 0xffff;
		int sign = (bits & 0x8000) << 16;
		int exponent = (bits >>> 10) & 0x1f;
		int mantissa = bits & 0x3ff;
		if (exponent == 0x1f) {
			return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
		}
		if (exponent == 0) {
			float value = mantissa * 0x1p-24f;
			return sign == 0 ? value : -value;
		}
		return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
	}

	private static void readFully(DataInputStream in, byte[] bytes) throws IOException {
		readFully(in, bytes, bytes.length);
	}

	private static void readFully(DataInputStream in, byte[] bytes, int length) throws IOException {
		try {
			in.readFully(bytes, 0, length);
		}
		catch (EOFException ex) {
			throw new NpyFormatException("the file ends before its data does (truncated)");
		}
	}
}
