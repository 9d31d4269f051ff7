package dev.hitter.trainer.data.shard;

import dev.hitter.features.npy.Npy;

/**
 * IEEE 754 binary16, the dtype of Melon's mels: decoded exactly as the features library reads a {@code <f2}
 * {@code .npy} ({@code dev.hitter.features.npy.Npy}), and encoded only where that decoding gives the float back
 * bit for bit, so a float16 shard holds the very values {@code MelSource} produced.
 */
final class Float16 {

	/** Returned by {@link #encodeExact} for a float that binary16 cannot hold exactly. */
	static final int INEXACT = -1;

	/** Every half's float, so reading a shard is one lookup per value (256 KB, built once). */
	private static final float[] TABLE = new float[1 << 16];

	static {
		for (int bits = 0; bits < TABLE.length; bits++) {
			TABLE[bits] = decode((short) bits);
		}
	}

	private Float16() {
	}

	/** {@link #decode}, by table. */
	static float lookup(short half) {
		return TABLE[half & 0xffff];
	}

	/** Exactly as a Melon {@code .npy} is read: the features library's own conversion. */
	static float decode(short half) {
		return Npy.halfToFloat(half);
	}

	/** The binary16 bits (0 … 0xffff) of a finite float it holds exactly, else {@link #INEXACT}. */
	static int encodeExact(float value) {
		int bits = Float.floatToRawIntBits(value);
		int sign = (bits >>> 16) & 0x8000;
		int exponent = (bits >>> 23) & 0xff;
		int mantissa = bits & 0x7fffff;
		int half;
		if (exponent == 0 && mantissa == 0) {
			half = sign;
		}
		else if (exponent == 0xff) {
			return INEXACT;
		}
		else if (exponent >= 113 && exponent <= 142) {
			if ((mantissa & 0x1fff) != 0) {
				return INEXACT;
			}
			half = sign | ((exponent - 112) << 10) | (mantissa >>> 13);
		}
		else if (exponent >= 103 && exponent < 113) {
			// A binary16 subnormal: value = m · 2^-24 with m < 1024, so the full significand shifted must lose nothing.
			int significand = mantissa | 0x800000;
			int shift = 126 - exponent;
			if ((significand & ((1 << shift) - 1)) != 0) {
				return INEXACT;
			}
			half = sign | (significand >>> shift);
		}
		else {
			return INEXACT;
		}
		// The decoder is the authority: what it gives back must be the float we started from, bit for bit.
		return Float.floatToRawIntBits(decode((short) half)) == bits ? half : INEXACT;
	}
}
