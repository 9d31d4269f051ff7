package dev.hitter.features.mel;

/**
 * The exact recipe of a log-mel spectrogram. A model card records it, and a model is only ever fed mels made
 * by the same spec it was trained on.
 *
 * @param id stable name of the recipe, e.g. {@code melon-v1}
 * @param sampleRate input PCM rate in Hz
 * @param frameLength samples per frame (also the FFT size)
 * @param hopLength samples between frame centres; frame k is centred on sample k·hop, zeros outside
 * @param bands number of mel triangles
 * @param minHz lower edge of the first triangle
 * @param maxHz upper edge of the last triangle
 * @param logScale the compression {@code log10(1 + logScale·m)}
 */
public record MelSpec(String id, int sampleRate, int frameLength, int hopLength, int bands, double minHz,
		double maxHz, double logScale) {

	/**
	 * The Melon Playlist Dataset front end (Essentia MusiCNN, 48 bands): 16 kHz, frames of 512 with hop 256,
	 * symmetric Hann, |FFT|², Slaney mel 0–8000 Hz with Slaney area normalisation, log10(1 + 10000·m).
	 */
	public static final MelSpec MELON_V1 = new MelSpec("melon-v1", 16_000, 512, 256, 48, 0, 8_000, 10_000);

	public MelSpec {
		if (frameLength <= 0 || Integer.bitCount(frameLength) != 1) {
			throw new IllegalArgumentException("frameLength must be a power of two, not " + frameLength);
		}
		if (hopLength <= 0 || hopLength > frameLength || bands <= 0 || sampleRate <= 0) {
			throw new IllegalArgumentException("hopLength, bands and sampleRate must be positive (hop ≤ frame)");
		}
		if (!(minHz >= 0 && maxHz > minHz && maxHz <= sampleRate / 2.0)) {
			throw new IllegalArgumentException("need 0 ≤ minHz < maxHz ≤ sampleRate/2");
		}
	}

	/** Frames for a signal of {@code samples} samples: {@code 1 + floor(samples / hop)}. */
	public int frameCount(int samples) {
		return 1 + samples / hopLength;
	}

	/** Spectrum bins of one frame: {@code frameLength/2 + 1}. */
	public int bins() {
		return frameLength / 2 + 1;
	}

	/** The centre frequency in Hz of FFT bin {@code k}. */
	public double binHz(int k) {
		return (double) k * sampleRate / frameLength;
	}
}
