package dev.hitter.features.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

	@TempDir
	Path dir;

	@Test
	void floatsRoundTripWithTheirShape() throws IOException {
		float[] values = { 0f, -1.5f, 3.25f, Float.MIN_VALUE, 1e30f, 7f };
		Path file = dir.resolve("mel.npy");
		Npy.writeFloats(file, NpyArray.ofFloats(values, 2, 3));

		NpyArray read = Npy.read(file);
		assertThat(read.shape()).containsExactly(2, 3);
		assertThat(read.dtype()).isEqualTo("<f4");
		assertThat(read.values()).containsExactly(values);
	}

	@Test
	void headerIsPaddedSoThatDataStartsAtASixtyFourByteBoundary() {
		for (int[] shape : new int[][] { { 480000 }, { 48, 1876 }, { 1, 2, 3 } }) {
			byte[] header = Npy.header("<f4", shape);
			assertThat(header.length % 64).isZero();
			assertThat(header[header.length - 1]).isEqualTo((byte) '\n');
		}
		assertThat(new String(Npy.header("<f4", new int[] { 5 }), StandardCharsets.ISO_8859_1)).contains("'shape': (5,)");
	}

	@Test
	void intsAreWrittenAsInt32() throws IOException {
		Path file = dir.resolve("ids.npy");
		Npy.writeInts(file, new int[] { 0, 1, 2, 70000 }, 4);
		NpyArray read = Npy.read(file);
		assertThat(read.dtype()).isEqualTo("<i4");
		assertThat(read.values()).containsExactly(0f, 1f, 2f, 70000f);
	}

	@Test
	void readsFloat16AndFloat64AndBigEndian() throws IOException {
		assertThat(Npy.read(npy("<f2", "(3,)", le(6).putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x0001)))
			.values()).containsExactly(1f, -2f, 0x1p-24f);
		assertThat(Npy.read(npy("<f8", "(2,)", le(16).putDouble(0.5).putDouble(-4))).values()).containsExactly(0.5f, -4f);
		ByteBuffer big = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.25f).putFloat(-8f);
		assertThat(Npy.read(npy(">f4", "(2,)", big)).values()).containsExactly(1.25f, -8f);
	}

	@Test
	void refusesFilesThatAreNotNpy() {
		assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream("hello world, not numpy".getBytes())))
			.isInstanceOf(NpyFormatException.class)
			.hasMessageContaining("not an .npy");
	}

	@Test
	void refusesTruncatedData() throws IOException {
		byte[] whole = Files.readAllBytes(write(new float[100]));
		byte[] cut = Arrays.copyOf(whole, whole.length - 10);
		assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(cut))).isInstanceOf(NpyFormatException.class)
			.hasMessageContaining("truncated");
	}

	@Test
	void refusesAShapeTooLargeToBePlausibleWithoutAllocatingIt() {
		assertThatThrownBy(() -> Npy.read(npy("<f4", "(100000, 100000)", le(0)))).isInstanceOf(NpyFormatException.class)
			.hasMessageContaining("cells refused");
	}

	@Test
	void refusesFortranOrderAndStrings() {
		assertThatThrownBy(() -> Npy.read(npyWith("{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", le(4))))
			.isInstanceOf(NpyFormatException.class);
		assertThatThrownBy(() -> Npy.read(npy("<U4", "(1,)", le(16)))).isInstanceOf(NpyFormatException.class);
	}

	@Test
	void writingIsAtomicAndLeavesNoPartialFile() throws IOException {
		write(new float[10]);
		try (var files = Files.list(dir)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.npy");
		}
	}

	private Path write(float[] values) throws IOException {
		Path file = dir.resolve("a.npy");
		Npy.writeFloats(file, NpyArray.ofFloats(values, values.length));
		return file;
	}

	private static ByteBuffer le(int bytes) {
		return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
	}

	private static ByteArrayInputStream npy(String descr, String shape, ByteBuffer data) {
		return npyWith("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }", data);
	}

	private static ByteArrayInputStream npyWith(String dict, ByteBuffer data) {
		byte[] text = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
		ByteBuffer out = ByteBuffer.allocate(10 + text.length + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
		out.put(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 }).putShort((short) text.length).put(text);
		out.put(data.array());
		return new ByteArrayInputStream(out.array());
	}
}
