package dev.hitter.benchmarks;

import dev.hitter.features.mel.MelFilterbank;
import dev.hitter.features.mel.MelSpec;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * An experiment, not product code: the log-mel of {@code melon-v1} with everything around JTransforms' FFTs
 * written in the JDK 17 Vector API (an incubator module, so this JVM needs {@code --add-modules
 * jdk.incubator.vector}). It answers one question for issue 15: how fast could the log-mel be with the same FFTs
 * and the non-FFT work in SIMD? The product keeps its scalar {@code LogMelSpectrogram}, which needs no JVM flag.
 *
 * <p>Eight frames (four pairs, two frames per complex FFT as in the product) go through at a time: windowing and
 * interleaving by lane shuffles; the two spectra of a pair separated four bins at a time; a 4 × 4 transpose of
 * 64-bit lane pairs so that one 8-lane vector holds one bin of the eight frames; the sparse projection as one
 * vector multiply-add per weight; and log10(1 + x) by the float's exponent and an odd series in
 * t = (m − 1)/(m + 1) over the mantissa, all in registers. Only finite signals are handled (the benchmark's).
 */
final class VectorLogMelExperiment {

	private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;

	private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;

	private static final int N = 512;

	private static final int HOP = 256;

	private static final int FRAMES_PER_GROUP = 8;

	private static final VectorShuffle<Float> DUP_LOW = VectorShuffle.fromValues(F, 0, 0, 1, 1, 2, 2, 3, 3);

	private static final VectorShuffle<Float> DUP_HIGH = VectorShuffle.fromValues(F, 4, 4, 5, 5, 6, 6, 7, 7);

	private static final VectorMask<Float> ODD = VectorMask.fromValues(F, false, true, false, true, false, true, false, true);

	private static final VectorShuffle<Float> REVERSE_PAIRS = VectorShuffle.fromValues(F, 6, 7, 4, 5, 2, 3, 0, 1);

	private static final VectorShuffle<Float> SWAP_PAIRS = VectorShuffle.fromValues(F, 1, 0, 3, 2, 5, 4, 7, 6);

	private static final VectorShuffle<Double> EVENS = VectorShuffle.fromValues(D, 0, 0, 2, 2);

	private static final VectorShuffle<Double> ODDS = VectorShuffle.fromValues(D, 1, 1, 3, 3);

	private static final VectorShuffle<Double> LOW_HALF = VectorShuffle.fromValues(D, 0, 1, 0, 1);

	private static final VectorShuffle<Double> HIGH_HALF = VectorShuffle.fromValues(D, 2, 3, 2, 3);

	private static final VectorMask<Double> ODD_LANES = VectorMask.fromValues(D, false, true, false, true);

	private static final VectorMask<Double> UPPER_LANES = VectorMask.fromValues(D, false, false, true, true);

	private static final float LOG10_OF_2 = (float) Math.log10(2);

	private static final float TWO_LOG10_OF_E = (float) (2 / Math.log(10));

	private final float[] window = new float[N];

	private final int[] firstBin;

	private final float[][] weights;

	private final float scale;

	private final FloatFFT_1D fft = new FloatFFT_1D(N);

	private final float[] pairs = new float[4 * 2 * N];

	/** Powers of one group, bins-major: power[bin·8 + frame], four times their true value (as in the product). */
	private final float[] power = new float[(N / 2 + 1) * FRAMES_PER_GROUP];

	VectorLogMelExperiment(MelSpec spec) {
		if (spec.frameLength() != N || spec.hopLength() != HOP) {
			throw new IllegalArgumentException("the experiment is written for 512-point frames and a hop of 256");
		}
		for (int i = 0; i < N; i++) {
			window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (N - 1)));
		}
		MelFilterbank filterbank = MelFilterbank.of(spec);
		firstBin = new int[filterbank.bands()];
		weights = new float[filterbank.bands()][];
		for (int band = 0; band < filterbank.bands(); band++) {
			int first = -1;
			int last = -1;
			for (int bin = 0; bin < spec.bins(); bin++) {
				if (filterbank.weight(band, bin) != 0) {
					first = first < 0 ? bin : first;
					last = bin;
				}
			}
			firstBin[band] = Math.max(first, 0);
			weights[band] = new float[first < 0 ? 0 : last - first + 1];
			for (int j = 0; j < weights[band].length; j++) {
				weights[band][j] = filterbank.weight(band, first + j);
			}
		}
		scale = (float) (spec.logScale() * 0.25);
	}

	/** The log-mel of the whole signal, bands first (48 × frames), as {@code LogMelSpectrogram.compute} gives it. */
	float[] compute(float[] pcm) {
		int frames = 1 + pcm.length / HOP;
		int bands = weights.length;
		float[] out = new float[bands * frames];
		for (int group = 0; group < frames; group += FRAMES_PER_GROUP) {
			for (int pair = 0; pair < 4; pair++) {
				int k = group + 2 * pair;
				windowPair(pcm, k, k + 1 < frames, pair * 2 * N);
				fft.complexForward(pairs, pair * 2 * N);
			}
			separate();
			boolean whole = group + FRAMES_PER_GROUP <= frames;
			for (int band = 0; band < bands; band++) {
				float[] w = weights[band];
				int first = firstBin[band];
				FloatVector sum = FloatVector.zero(F);
				for (int j = 0; j < w.length; j++) {
					sum = FloatVector.fromArray(F, power, (first + j) * FRAMES_PER_GROUP).fma(FloatVector.broadcast(F, w[j]), sum);
				}
				FloatVector value = log10OnePlus(sum.mul(scale));
				if (whole) {
					value.intoArray(out, band * frames + group);
				}
				else {
					for (int lane = 0; lane < frames - group; lane++) {
						out[band * frames + group + lane] = value.lane(lane);
					}
				}
			}
		}
		return out;
	}

	private void windowPair(float[] pcm, int k, boolean second, int offset) {
		int start = k * HOP - N / 2;
		int next = start + HOP;
		if (start >= 0 && next + N <= pcm.length && second) {
			for (int i = 0; i < N; i += F.length()) {
				FloatVector w = FloatVector.fromArray(F, window, i);
				FloatVector a = FloatVector.fromArray(F, pcm, start + i).mul(w);
				FloatVector b = FloatVector.fromArray(F, pcm, next + i).mul(w);
				a.rearrange(DUP_LOW).blend(b.rearrange(DUP_LOW), ODD).intoArray(pairs, offset + 2 * i);
				a.rearrange(DUP_HIGH).blend(b.rearrange(DUP_HIGH), ODD).intoArray(pairs, offset + 2 * i + F.length());
			}
			return;
		}
		for (int i = 0; i < N; i++) {
			int t = start + i;
			int u = next + i;
			pairs[offset + 2 * i] = t >= 0 && t < pcm.length ? pcm[t] * window[i] : 0f;
			pairs[offset + 2 * i + 1] = second && u >= 0 && u < pcm.length ? pcm[u] * window[i] : 0f;
		}
	}

	/** Separates the four pairs' spectra and stores them bins-major, one 8-lane row per bin. */
	private void separate() {
		for (int pair = 0; pair < 4; pair++) {
			float re = pairs[pair * 2 * N];
			float im = pairs[pair * 2 * N + 1];
			power[2 * pair] = 4 * re * re;
			power[2 * pair + 1] = 4 * im * im;
		}
		for (int bin = 1; bin <= N / 2; bin += 4) {
			DoubleVector r0 = pairPowers(0, bin);
			DoubleVector r1 = pairPowers(2 * N, bin);
			DoubleVector r2 = pairPowers(4 * N, bin);
			DoubleVector r3 = pairPowers(6 * N, bin);
			// r_p holds bins b…b+3 of pair p as 64-bit lanes; the transpose gives bin b+i of pairs 0…3.
			DoubleVector a0 = r0.blend(r1.rearrange(EVENS), ODD_LANES);
			DoubleVector a1 = r0.rearrange(ODDS).blend(r1, ODD_LANES);
			DoubleVector a2 = r2.blend(r3.rearrange(EVENS), ODD_LANES);
			DoubleVector a3 = r2.rearrange(ODDS).blend(r3, ODD_LANES);
			a0.blend(a2.rearrange(LOW_HALF), UPPER_LANES).reinterpretAsFloats().intoArray(power, bin * FRAMES_PER_GROUP);
			a1.blend(a3.rearrange(LOW_HALF), UPPER_LANES).reinterpretAsFloats().intoArray(power, (bin + 1) * FRAMES_PER_GROUP);
			a0.rearrange(HIGH_HALF).blend(a2, UPPER_LANES).reinterpretAsFloats().intoArray(power, (bin + 2) * FRAMES_PER_GROUP);
			a1.rearrange(HIGH_HALF).blend(a3, UPPER_LANES).reinterpretAsFloats().intoArray(power, (bin + 3) * FRAMES_PER_GROUP);
		}
	}

	/** Bins b…b+3 of one pair's two spectra: [A_b, B_b, A_b+1, B_b+1, …], from Z[b] and its mirror Z[N−b]. */
	private DoubleVector pairPowers(int offset, int bin) {
		FloatVector z = FloatVector.fromArray(F, pairs, offset + 2 * bin);
		FloatVector mirror = FloatVector.fromArray(F, pairs, offset + 2 * (N - bin - 3)).rearrange(REVERSE_PAIRS);
		FloatVector sum = z.add(mirror); // [aRe, bRe] per bin
		FloatVector difference = z.sub(mirror); // [bIm, aIm] per bin
		return sum.mul(sum).add(difference.mul(difference).rearrange(SWAP_PAIRS)).reinterpretAsDoubles();
	}

	/** log10(1 + x) for finite x ≥ 0: the float's exponent plus an odd series in t = (m − 1)/(m + 1), m in [1, 2). */
	private static FloatVector log10OnePlus(FloatVector x) {
		IntVector bits = x.add(1f).reinterpretAsInts();
		// The exponent as a float without a conversion instruction: 2^23 + e has e in its low mantissa bits.
		FloatVector exponent = bits.lanewise(VectorOperators.LSHR, 23).or(0x4B00_0000).reinterpretAsFloats().sub(8_388_608f + 127f);
		FloatVector mantissa = bits.and(0x7f_ffff).or(0x3f80_0000).reinterpretAsFloats();
		FloatVector t = mantissa.sub(1f).div(mantissa.add(1f)); // in [0, 1/3)
		FloatVector t2 = t.mul(t);
		// ln(m) / 2 = t + t³/3 + … + t⁹/9; the rest is below 1e-6 · t, well inside float rounding of the output.
		FloatVector series = t2.mul(1f / 11).add(1f / 9).mul(t2).add(1f / 7).mul(t2).add(1f / 5).mul(t2).add(1f / 3).mul(t2).add(1f).mul(t);
		return exponent.mul(LOG10_OF_2).add(series.mul(TWO_LOG10_OF_E));
	}

}
