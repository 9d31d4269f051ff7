package dev.hitter.features.mel;

/**
 * {@code log10(1 + x)}, the last step of the log-mel: 90,000 of them per spectrogram, where {@code Math.log10}
 * costs about as much as the mel projection and the power spectrum together. This reads the float's exponent
 * and interpolates log2 of its mantissa linearly in a 1,024-cell table: within 2e-6 of {@code Math.log10}
 * (float rounding included), fifty times inside the spec's parity tolerance (1e-4).
 */
final class LogCompression {

	private static final int TABLE_BITS = 10;

	private static final int SHIFT = 23 - TABLE_BITS;

	private static final float CELL_FRACTION = 1f / (1 << SHIFT);

	/** log2(1 + i/1024) for i = 0…1024. */
	private static final float[] LOG2 = new float[(1 << TABLE_BITS) + 1];

	private static final float[] SLOPE = new float[1 << TABLE_BITS];

	private static final float LOG10_OF_2 = (float) Math.log10(2);

	static {
		for (int i = 0; i < LOG2.length; i++) {
			LOG2[i] = (float) (Math.log1p((double) i / (1 << TABLE_BITS)) / Math.log(2));
		}
		for (int i = 0; i < SLOPE.length; i++) {
			SLOPE[i] = LOG2[i + 1] - LOG2[i];
		}
	}

	private LogCompression() {
	}

	/** {@code log10(1 + x)} for finite {@code x ≥ 0}; within 2e-6 of {@code Math.log10(1 + x)} for the values a log-mel meets. */
	static float log10OnePlus(float x) {
		float z = 1f + x;
		int bits = Float.floatToRawIntBits(z);
		int exponent = (bits >>> 23) - 127;
		if (exponent < 0 || exponent > 127) {
			return (float) Math.log10(z); // NaN, infinity or a negative input: rare, the JDK says what they are
		}
		int mantissa = bits & 0x7f_ffff;
		int cell = mantissa >>> SHIFT;
		float within = (mantissa & ((1 << SHIFT) - 1)) * CELL_FRACTION;
		return (exponent + LOG2[cell] + within * SLOPE[cell]) * LOG10_OF_2;
	}
}
