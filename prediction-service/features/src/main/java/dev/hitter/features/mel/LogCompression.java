package dev.hitter.features.mel;

/**
 * {@code log10(1 + scale·m)}, the last step of the log-mel. A spectrogram has 90,000 of them, and
 * {@code Math.log10} alone took longer than all the FFTs; this evaluates the same function to within 1e-9 from
 * the double's exponent and a short odd series for the mantissa's logarithm.
 */
final class LogCompression {

	private static final double LN2 = Math.log(2);

	private static final double INV_LN10 = 1 / Math.log(10);

	private static final double SQRT2 = Math.sqrt(2);

	private LogCompression() {
	}

	/** {@code log10(1 + x)} for {@code x ≥ 0} (and NaN for NaN); within 1e-9 of {@code Math.log10(1 + x)}. */
	static double log10OnePlus(double x) {
		double z = 1 + x;
		long bits = Double.doubleToRawLongBits(z);
		int exponent = (int) ((bits >>> 52) & 0x7ff);
		if (exponent == 0 || exponent == 0x7ff) {
			return Math.log10(z); // NaN, infinity: rare, let the JDK say what they are
		}
		exponent -= 1023;
		double mantissa = Double.longBitsToDouble((bits & 0x000f_ffff_ffff_ffffL) | 0x3ff0_0000_0000_0000L);
		if (mantissa > SQRT2) {
			// Keep the mantissa in [√2/2, √2] so that the series below converges fast.
			mantissa *= 0.5;
			exponent++;
		}
		double y = (mantissa - 1) / (mantissa + 1);
		double y2 = y * y;
		// ln(m) = 2·atanh(y) = 2(y + y³/3 + y⁵/5 + …); |y| ≤ 0.1716, so the terms after y¹¹ are below 1e-10.
		double series = 1 + y2 * (1.0 / 3 + y2 * (1.0 / 5 + y2 * (1.0 / 7 + y2 * (1.0 / 9 + y2 * (1.0 / 11)))));
		return (exponent * LN2 + 2 * y * series) * INV_LN10;
	}
}
