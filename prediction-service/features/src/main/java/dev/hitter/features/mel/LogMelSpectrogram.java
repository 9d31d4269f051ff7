package dev.hitter.features.mel;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Computes the log-mel spectrogram of mono PCM by a {@link MelSpec}: the same code at training time and at
 * serving time. The window and the filterbank are built once per instance; each thread that calls it keeps its
 * own FFT plan and scratch buffers, so a call allocates only its output. Instances are safe to share between
 * threads.
 *
 * <p>How the hot path is laid out (the 30 s log-mel is run for every upload and every catalogue track):
 * <ul>
 * <li>Two frames per FFT: frame k goes into the real parts and frame k+1 into the imaginary parts of one
 * complex FFT of frameLength points (JTransforms), and the two power spectra are separated from its output by
 * the conjugate symmetry of real signals, |A[b]|² = |Z[b] + conj Z[N−b]|² / 4 and |B[b]|² = |Z[b] − conj Z[N−b]|² / 4,
 * which needs no twiddle factors (JTransforms' own real FFT does the same work in a post-pass with them).
 * <li>Frames in batches of {@value #BATCH}: the powers are stored bins-major, so that the sparse mel projection
 * ({@link MelFilterbank#projectBand}) multiplies one weight into a run of frames, a loop the JIT vectorises, and
 * a band's compressed values go out as one contiguous run of the bands-first output.
 * <li>The quarter in the separation above is folded into the compression's scale: multiplying by a power of
 * two is exact in float, so the values are the same as scaling each power.
 * </ul>
 */
public final class LogMelSpectrogram {

	/**
	 * Frames per batch: even (frames go in pairs), large enough that the projection's inner loop over frames
	 * runs long (the JIT's vector loop is unrolled: with 32 frames most of it ran in the scalar pre- and
	 * post-loops, about 0.1 ms more per 30 s here), small enough that a batch's powers stay in L2 (257 KB).
	 */
	static final int BATCH = 256;

	private final MelSpec spec;

	private final float[] window;

	private final MelFilterbank filterbank;

	private final float scale;

	private final ThreadLocal<Workspace> workspaces;

	public LogMelSpectrogram(MelSpec spec) {
		this.spec = spec;
		this.window = symmetricHann(spec.frameLength());
		this.filterbank = MelFilterbank.of(spec);
		this.scale = (float) (spec.logScale() * 0.25);
		this.workspaces = ThreadLocal.withInitial(() -> new Workspace(spec));
	}

	public MelSpec spec() {
		return spec;
	}

	public MelFilterbank filterbank() {
		return filterbank;
	}

	/** The log-mel of the whole signal, sampled at {@code spec.sampleRate()}. */
	public MelSpectrogram compute(float[] pcm) {
		return compute(pcm, 0, pcm.length);
	}

	/** The log-mel of {@code pcm[offset, offset+length)}, as if that slice were the whole signal. */
	public MelSpectrogram compute(float[] pcm, int offset, int length) {
		if (offset < 0 || length < 0 || offset + length > pcm.length) {
			throw new IndexOutOfBoundsException("slice [" + offset + ", " + (offset + length) + ") of " + pcm.length);
		}
		int bands = spec.bands();
		int frames = spec.frameCount(length);
		float[] out = new float[bands * frames];
		Workspace work = workspaces.get();
		for (int first = 0; first < frames; first += BATCH) {
			int count = Math.min(BATCH, frames - first);
			for (int k = 0; k < count; k += 2) {
				powerOfPair(pcm, offset, length, first + k, first + k + 1 < frames, work, k);
			}
			compress(first, count, frames, out, work);
		}
		return new MelSpectrogram(spec.id(), bands, frames, out);
	}

	/**
	 * The power spectra of frames k and k+1 (four times their true value; see the class comment), stored
	 * bins-major in the workspace at columns {@code column} and {@code column + 1}. Frames are centred on sample
	 * frame·hop with zeros outside the signal; without a frame k+1 its column gets the spectrum of silence.
	 */
	private void powerOfPair(float[] pcm, int offset, int length, int k, boolean second, Workspace work, int column) {
		int n = spec.frameLength();
		int start = k * spec.hopLength() - n / 2;
		int next = start + spec.hopLength();
		float[] w = window;
		float[] z = work.pair;
		if (start >= 0 && next + n <= length && second) {
			int a = offset + start;
			int b = offset + next;
			for (int i = 0; i < n; i++) {
				z[2 * i] = pcm[a + i] * w[i];
				z[2 * i + 1] = pcm[b + i] * w[i];
			}
		}
		else {
			for (int i = 0; i < n; i++) {
				int t = start + i;
				int u = next + i;
				z[2 * i] = t >= 0 && t < length ? pcm[offset + t] * w[i] : 0f;
				z[2 * i + 1] = second && u >= 0 && u < length ? pcm[offset + u] * w[i] : 0f;
			}
		}
		work.fft.complexForward(z);
		float[] power = work.power;
		// Z[0] = A[0] + i·B[0] with both real; for bin b ≥ 1 the mirror is Z[N−b] (b = N/2 is its own mirror).
		power[column] = 4 * z[0] * z[0];
		power[column + 1] = 4 * z[1] * z[1];
		for (int bin = 1, row = BATCH; bin <= n / 2; bin++, row += BATCH) {
			int mirror = 2 * (n - bin);
			float re = z[2 * bin];
			float im = z[2 * bin + 1];
			float mirrorRe = z[mirror];
			float mirrorIm = z[mirror + 1];
			float aRe = re + mirrorRe;
			float aIm = im - mirrorIm;
			float bRe = im + mirrorIm;
			float bIm = re - mirrorRe;
			power[row + column] = aRe * aRe + aIm * aIm;
			power[row + column + 1] = bRe * bRe + bIm * bIm;
		}
	}

	/** Projects the batch's powers onto the mel bands and writes log10(1 + scale·m) into the output rows. */
	private void compress(int first, int count, int frames, float[] out, Workspace work) {
		float[] mel = work.mel;
		for (int band = 0; band < spec.bands(); band++) {
			filterbank.projectBand(band, work.power, BATCH, count, mel);
			int row = band * frames + first;
			for (int f = 0; f < count; f++) {
				out[row + f] = LogCompression.log10OnePlus(scale * mel[f]);
			}
		}
	}

	/** w[i] = 0.5 − 0.5·cos(2πi / (n−1)): symmetric, as the spec says (not the periodic Hann of librosa). */
	static float[] symmetricHann(int n) {
		float[] w = new float[n];
		for (int i = 0; i < n; i++) {
			w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1)));
		}
		return w;
	}

	/** One thread's FFT plan and buffers: reused by every call on that thread, so no call allocates them. */
	private static final class Workspace {

		final FloatFFT_1D fft;

		/** Two frames interleaved as one complex signal: frame k real, frame k+1 imaginary. */
		final float[] pair;

		/** Power spectra of a batch, bins-major: power[bin·BATCH + frame]. */
		final float[] power;

		final float[] mel = new float[BATCH];

		Workspace(MelSpec spec) {
			this.fft = new FloatFFT_1D(spec.frameLength());
			this.pair = new float[2 * spec.frameLength()];
			this.power = new float[spec.bins() * BATCH];
		}
	}
}
