package dev.hitter.features.mel;

/**
 * Triangular filters on the Slaney mel scale with Slaney area normalisation (librosa's {@code filters.mel}
 * with {@code htk=False, norm='slaney'}). Adjacent triangles overlap by half, so every FFT bin feeds at most two
 * bands: the filterbank is stored per bin (lower band, its weight, the next band's weight), and the projection
 * of a spectrum is two multiply-adds per bin in one pass.
 */
public final class MelFilterbank {

	private static final double LINEAR_HZ_PER_MEL = 200.0 / 3;

	private static final double LOG_BREAK_HZ = 1000.0;

	private static final double LOG_BREAK_MEL = LOG_BREAK_HZ / LINEAR_HZ_PER_MEL;

	private static final double LOG_STEP = Math.log(6.4) / 27.0;

	private final int[] firstBin;

	private final float[][] weights;

	/** Per bin: the lowest band it feeds (or -1), and the weights for that band and the next. */
	private final int[] binBand;

	private final float[] binWeightLow;

	private final float[] binWeightHigh;

	private MelFilterbank(int[] firstBin, float[][] weights, int bins) {
		this.firstBin = firstBin;
		this.weights = weights;
		this.binBand = new int[bins];
		this.binWeightLow = new float[bins];
		this.binWeightHigh = new float[bins];
		java.util.Arrays.fill(binBand, -1);
		for (int bin = 0; bin < bins; bin++) {
			for (int band = 0; band < weights.length; band++) {
				float w = weight(band, bin);
				if (w == 0) {
					continue;
				}
				if (binBand[bin] < 0) {
					binBand[bin] = band;
					binWeightLow[bin] = w;
				}
				else if (band == binBand[bin] + 1) {
					binWeightHigh[bin] = w;
				}
				else {
					throw new IllegalStateException("bin " + bin + " feeds non-adjacent bands; the spec is not a mel filterbank");
				}
			}
		}
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
		return new MelFilterbank(firstBin, weights, spec.bins());
	}

	public int bands() {
		return weights.length;
	}

	/**
	 * Adds the energy of every band of a power spectrum into {@code mel} (which the caller zeroes): one pass
	 * over the bins.
	 */
	public void projectInto(float[] power, float[] mel) {
		int[] bands = binBand; // locals: the JIT need not reload the fields around the stores into mel
		float[] low = binWeightLow;
		float[] high = binWeightHigh;
		int last = mel.length - 1;
		for (int bin = 0; bin < bands.length; bin++) {
			int band = bands[bin];
			if (band >= 0) {
				float p = power[bin];
				mel[band] += p * low[bin];
				if (band < last) {
					mel[band + 1] += p * high[bin];
				}
			}
		}
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
