package dev.hitter.features.mel;

import java.util.Arrays;

/**
 * A log-mel spectrogram, bands first: {@code value(band, frame)} is stored at {@code band·frames + frame},
 * the layout of the Melon Playlist Dataset's {@code .npy} files (48 × n_frames).
 */
public record MelSpectrogram(String specId, int bands, int frames, float[] values) {

	public MelSpectrogram {
		if (values.length != (long) bands * frames) {
			throw new IllegalArgumentException("values hold " + values.length + " cells, not " + bands + " × " + frames);
		}
	}

	public float value(int band, int frame) {
		return values[band * frames + frame];
	}

	/** Time-major copy ({@code frames × bands}), the layout the audio CNN reads (time as the sequence). */
	public float[] framesFirst() {
		float[] out = new float[values.length];
		for (int band = 0; band < bands; band++) {
			int row = band * frames;
			for (int frame = 0; frame < frames; frame++) {
				out[frame * bands + band] = values[row + frame];
			}
		}
		return out;
	}

	/** Frames {@code [from, to)} as a new spectrogram. */
	public MelSpectrogram frames(int from, int to) {
		if (from < 0 || to > frames || from > to) {
			throw new IndexOutOfBoundsException("frames [" + from + ", " + to + ") of " + frames);
		}
		int count = to - from;
		float[] out = new float[bands * count];
		for (int band = 0; band < bands; band++) {
			System.arraycopy(values, band * frames + from, out, band * count, count);
		}
		return new MelSpectrogram(specId, bands, count, out);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MelSpectrogram that && specId.equals(that.specId) && bands == that.bands
				&& frames == that.frames && Arrays.equals(values, that.values);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * specId.hashCode() + bands * 31 + frames) + Arrays.hashCode(values);
	}

	@Override
	public String toString() {
		return "MelSpectrogram[" + specId + ", " + bands + " × " + frames + "]";
	}
}
