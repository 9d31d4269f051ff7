package dev.hitter.features.picture;

import java.awt.image.IndexColorModel;

/**
 * The viridis colour map (perceptually uniform, readable in grey and by colour-blind viewers), evaluated by
 * a degree-6 polynomial fit of the matplotlib table (Matt Zucker's CC0 fit).
 */
final class Viridis {

	private static final double[][] COEFFICIENTS = {
			{ 0.2777273272234177, 0.005407344544966578, 0.3340998053353061 },
			{ 0.1050930431085774, 1.404613529898575, 1.384590162594685 },
			{ -0.3308618287255563, 0.214847559468213, 0.09509516302823659 },
			{ -4.634230498983486, -5.799100973351585, -19.33244095627987 },
			{ 6.228269936347081, 14.17993336680509, 56.69055260068105 },
			{ 4.776384997670288, -13.74514537774601, -65.35303263337234 },
			{ -5.435455855934631, 4.645852612178535, 26.3124352495832 } };

	private static final int[] TABLE = table(256);

	private Viridis() {
	}

	/** The packed 0xRRGGBB colour for {@code t} in [0, 1] (clamped). */
	static int rgb(double t) {
		return TABLE[index(t)];
	}

	/** The colour's index in {@link #palette()} for {@code t} in [0, 1] (clamped). */
	static int index(double t) {
		return (int) Math.round(Math.max(0, Math.min(1, t)) * (TABLE.length - 1));
	}

	/** The 256 colours as an 8-bit palette. */
	static IndexColorModel palette() {
		byte[] r = new byte[TABLE.length];
		byte[] g = new byte[TABLE.length];
		byte[] b = new byte[TABLE.length];
		for (int i = 0; i < TABLE.length; i++) {
			r[i] = (byte) (TABLE[i] >> 16);
			g[i] = (byte) (TABLE[i] >> 8);
			b[i] = (byte) TABLE[i];
		}
		return new IndexColorModel(8, TABLE.length, r, g, b);
	}

	private static int[] table(int size) {
		int[] table = new int[size];
		for (int i = 0; i < size; i++) {
			double t = (double) i / (size - 1);
			int rgb = 0;
			for (int channel = 0; channel < 3; channel++) {
				double value = 0;
				for (int power = COEFFICIENTS.length - 1; power >= 0; power--) {
					value = value * t + COEFFICIENTS[power][channel];
				}
				rgb = (rgb << 8) | (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
			}
			table[i] = rgb;
		}
		return table;
	}
}
