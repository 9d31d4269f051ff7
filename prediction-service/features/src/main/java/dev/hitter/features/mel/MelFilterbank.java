package dev.hitter.features.mel;

/**
 * Triangular filters on the Slaney mel scale with Slaney area normalisation (librosa's {@code filters.mel}
 * with {@code htk=False, norm='slaney'}). Stored sparsely: each band keeps the first FFT bin of its triangle and
 * the weights from there to its last nonzero bin (about 500 weights for melon-v1 instead of 48 × 257), so
 * projecting a spectrum touches only the bins each band covers.
 */
public final class MelFilterbank {

	private static final double LINEAR_HZ_PER_MEL = 200.0 / 3;

	private static final double LOG_BREAK_HZ = 1000.0;

	private static final double LOG_BREAK_MEL = LOG_BREAK_HZ / LINEAR_HZ_PER_MEL;

	private static final double LOG_STEP = Math.log(6.4) / 27.0;

	private final int[] firstBin;

	private final float[][] weights;

	private MelFilterbank(int[] firstBin, float[][] weights) {
		this.firstBin = firstBin;
		this.weights = weights;
	}

	/** Builds the filterbank of a spec; cheap, but callers keep one per spec. */
	public static MelFilterbank of(MelSpec spec) {
		int bands = spec.bands();
		double minMel = hzToMel(spec.minHz());
		double maxMel = hzToMel(spec.maxHz());
		double[] edges = new double[bands + 2];
		for (int i = 0; i < edges.length; i++) {
			edges[i] = melToHz(minMel + (maxMel - minMel) * i / (bands + 1));
		}
		int[] firstBin = new int[bands];
		float[][] weights = new float[bands][];
		for (int band = 0; band < bands; band++) {
			double lower = edges[band];
			double centre = edges[band + 1];
			double upper = edges[band + 2];
			double area = 2.0 / (upper - lower);
			int first = -1;
			int last = -1;
			double[] dense = new double[spec.bins()];
			for (int k = 0; k < spec.bins(); k++) {
				double hz = spec.binHz(k);
				double rising = (hz - lower) / (centre - lower);
				double falling = (upper - hz) / (upper - centre);
				double weight = Math.max(0, Math.min(rising, falling)) * area;
				if (weight > 0) {
					dense[k] = weight;
					first = first < 0 ? k : first;
					last = k;
				}
			}
			if (first < 0) {
				// A band narrower than one bin (many bands, short frames): keep it, silent, rather than fail.
				firstBin[band] = 0;
				weights[band] = new float[0];
				continue;
			}
			firstBin[band] = first;
			weights[band] = new float[last - first + 1];
			for (int k = first; k <= last; k++) {
				weights[band][k - first] = (float) dense[k];
			}
		}
		return new MelFilterbank(firstBin, weights);
	}

	public int bands() {
		return weights.length;
	}

	/**
	 * The energy of band {@code band} in each of {@code count} power spectra stored bins-major
	 * ({@code power[bin·stride + spectrum]}), written to {@code mel[0, count)}. Bins-major because then the inner
	 * loop runs over spectra with one weight, a multiply-add the JIT can turn into vector instructions, where a dot
	 * product per spectrum (a float sum the JIT must keep in order) stays scalar.
	 */
	public void projectBand(int band, float[] power, int stride, int count, float[] mel) {
		java.util.Arrays.fill(mel, 0, count, 0f);
		int first = firstBin[band];
		float[] w = weights[band];
		for (int j = 0; j < w.length; j++) {
			float weight = w[j];
			int row = (first + j) * stride;
			for (int spectrum = 0; spectrum < count; spectrum++) {
				mel[spectrum] += weight * power[row + spectrum];
			}
		}
	}

	/** The number of stored (nonzero-range) weights over all bands: the multiply-adds of one projection. */
	public int storedWeights() {
		int total = 0;
		for (float[] band : weights) {
			total += band.length;
		}
		return total;
	}

	/** The weight of FFT bin {@code bin} in band {@code band} (zero outside its triangle). */
	public float weight(int band, int bin) {
		int i = bin - firstBin[band];
		return i >= 0 && i < weights[band].length ? weights[band][i] : 0f;
	}

	/** Slaney's mel: linear below 1 kHz, logarithmic above. */
	public static double hzToMel(double hz) {
		return hz < LOG_BREAK_HZ ? hz / LINEAR_HZ_PER_MEL : LOG_BREAK_MEL + Math.log(hz / LOG_BREAK_HZ) / LOG_STEP;
	}

	public static double melToHz(double mel) {
		return mel < LOG_BREAK_MEL ? mel * LINEAR_HZ_PER_MEL : LOG_BREAK_HZ * Math.exp(LOG_STEP * (mel - LOG_BREAK_MEL));
	}
}
