package dev.hitter.features.picture;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an 8-bit palette image as PNG. ImageIO's writer tries every row filter on every row; the PNG specification
 * recommends no filter for palette images, so this writer uses none and spends its time only on compressing.
 */
final class IndexedPng {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private IndexedPng() {
	}

	static byte[] write(BufferedImage image) {
		if (image.getType() != BufferedImage.TYPE_BYTE_INDEXED
				|| !(image.getColorModel() instanceof IndexColorModel palette) || palette.getPixelSize() != 8) {
			throw new IllegalArgumentException("an 8-bit palette image is required");
		}
		int width = image.getWidth();
		int height = image.getHeight();
		byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		ByteArrayOutputStream png = new ByteArrayOutputStream(width * height / 4 + 1024);
		png.writeBytes(SIGNATURE);
		chunk(png, "IHDR", ByteBuffer.allocate(13)
			.putInt(width)
			.putInt(height)
			.put((byte) 8) // bit depth
			.put((byte) 3) // colour type: palette
			.put((byte) 0) // deflate
			.put((byte) 0) // adaptive filtering, every row "none" here
			.put((byte) 0) // no interlace
			.array());
		byte[] plte = new byte[palette.getMapSize() * 3];
		for (int i = 0; i < palette.getMapSize(); i++) {
			plte[3 * i] = (byte) palette.getRed(i);
			plte[3 * i + 1] = (byte) palette.getGreen(i);
			plte[3 * i + 2] = (byte) palette.getBlue(i);
		}
		chunk(png, "PLTE", plte);
		byte[] raw = new byte[height * (width + 1)];
		for (int y = 0; y < height; y++) {
			// Each row: filter type 0, then its pixels.
			System.arraycopy(pixels, y * width, raw, y * (width + 1) + 1, width);
		}
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
		try {
			deflater.setInput(raw);
			deflater.finish();
			ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 4 + 64);
			byte[] buffer = new byte[16 * 1024];
			while (!deflater.finished()) {
				compressed.write(buffer, 0, deflater.deflate(buffer));
			}
			chunk(png, "IDAT", compressed.toByteArray());
		}
		finally {
			deflater.end();
		}
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		png.writeBytes(name);
		png.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}
}
