package dev.hitter.features.picture;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;

import dev.hitter.features.mel.MelSpectrogram;

/**
 * Renders a log-mel spectrogram as a PNG for the result page: time left to right, low bands at the bottom,
 * loudness in the viridis colour map. Every picture uses the same fixed loudness range, so two tracks' pictures
 * can be compared by eye.
 *
 * @param width picture width in pixels (frames are averaged or repeated to fit)
 * @param bandHeight pixels per mel band
 * @param ceiling the log-mel value drawn at full brightness (melon-v1 values of loud music reach about 5–6)
 */
public record SpectrogramPicture(int width, int bandHeight, float ceiling) {

	private static final IndexColorModel PALETTE = Viridis.palette();

	/** 938 × 192 px (two frames per column of a 30 s melon-v1 segment, 4 px per band). */
	public static final SpectrogramPicture RESULT_PAGE = new SpectrogramPicture(938, 4, 6f);

	public SpectrogramPicture {
		if (width <= 0 || width > 8192 || bandHeight <= 0 || bandHeight > 64 || !(ceiling > 0)) {
			throw new IllegalArgumentException("width 1–8192, bandHeight 1–64 and a positive ceiling are required");
		}
	}

	/**
	 * The picture as an 8-bit image over the viridis palette: the same colours as 24-bit pixels, a quarter of the
	 * bytes to compress, and written straight into the raster rather than pixel by pixel through a colour model.
	 */
	public BufferedImage render(MelSpectrogram mel) {
		int height = mel.bands() * bandHeight;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
		byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		for (int x = 0; x < width; x++) {
			// The frames that fall into this column: averaged when shrinking, repeated when stretching.
			int from = (int) ((long) x * mel.frames() / width);
			int to = Math.max(from + 1, (int) ((long) (x + 1) * mel.frames() / width));
			for (int band = 0; band < mel.bands(); band++) {
				float sum = 0;
				for (int frame = from; frame < to && frame < mel.frames(); frame++) {
					sum += mel.value(band, frame);
				}
				byte colour = (byte) Viridis.index(sum / (to - from) / ceiling);
				int top = height - (band + 1) * bandHeight;
				for (int y = top; y < top + bandHeight; y++) {
					pixels[y * width + x] = colour;
				}
			}
		}
		return image;
	}

	/** The PNG bytes of {@link #render}. */
	public byte[] png(MelSpectrogram mel) {
		return IndexedPng.write(render(mel));
	}
}
