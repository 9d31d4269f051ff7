package dev.hitter.trainer.data.shard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Float16 {@code .npy} mels in Melon's arena_mel layout (48 × frames, bands first), with chosen or random values. */
final class MelonMels {

	private MelonMels() {
	}

	/** Random finite half-precision values: normals, subnormals and both zeros. */
	static short[] randomHalves(int count, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		short[] out = new short[count];
		for (int i = 0; i < count; i++) {
			int bits;
			do {
				bits = random.nextInt(0x10000);
			}
			while ((bits & 0x7c00) == 0x7c00);
			out[i] = (short) bits;
		}
		return out;
	}

	static void write(Path file, int frames, short[] halves) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		String header = "{'descr': '<f2', 'fortran_order': False, 'shape': (48, " + frames + "), }";
		int total = 10 + header.length() + 1;
		header = header + " ".repeat((64 - total % 64) % 64) + "\n";
		ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + halves.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 });
		buffer.putShort((short) header.length());
		buffer.put(header.getBytes(StandardCharsets.US_ASCII));
		for (short half : halves) {
			buffer.putShort(half);
		}
		Files.write(file, buffer.array());
	}
}
