package dev.hitter.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.hitter.features.mel.MelSpec;
import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyArray;

/**
 * Where a song's log-mel comes from, read when a batch needs it: large sets (Melon) stay on disk, small ones
 * (demo, decoded audio) in memory. Always time-major {@code frames × bands}, the audio CNN's input layout.
 */
@FunctionalInterface
public interface MelSource {

	/** Frames per melon-v1 segment: 30 s at 16 kHz with hop 256. */
	int FRAMES = MelSpec.MELON_V1.frameCount(30 * 16_000);

	int BANDS = MelSpec.MELON_V1.bands();

	float[] framesFirst() throws IOException;

	/**
	 * Where the values come from, cheaply, for a fingerprint that changes when they do (a file's path, size and
	 * modification time); null when only the values themselves can tell (in memory).
	 */
	default String origin() throws IOException {
		return null;
	}

	/** The size of what the mel is read from, in bytes (for the dataset fingerprint); -1 when not known. */
	default long bytes() {
		return -1;
	}

	static MelSource inMemory(float[] framesFirst) {
		if (framesFirst.length != FRAMES * BANDS) {
			throw new IllegalArgumentException("a mel holds " + FRAMES + " × " + BANDS + " values");
		}
		return new MelSource() {
			@Override
			public float[] framesFirst() {
				return framesFirst;
			}

			@Override
			public long bytes() {
				return 4L * framesFirst.length;
			}
		};
	}

	/** A Melon-layout {@code .npy} (48 × n, any float dtype), cut or zero-padded to {@value}-frame segments. */
	static MelSource npy(Path file) {
		return new MelSource() {
			@Override
			public float[] framesFirst() throws IOException {
				return fit(Npy.read(file), file);
			}

			@Override
			public String origin() throws IOException {
				return "npy " + file.toAbsolutePath() + " " + Files.size(file) + " "
						+ Files.getLastModifiedTime(file).toMillis();
			}
		};
	}

	/** Bands-first 48 × n values to time-major {@link #FRAMES} × 48: longer mels keep their start, shorter get zeros. */
	static float[] fit(NpyArray array, Path file) throws IOException {
		if (array.rank() != 2 || array.dim(0) != BANDS) {
			throw new IOException(file.getFileName() + " is not a " + BANDS + " × n mel: " + array);
		}
		int frames = array.dim(1);
		float[] values = array.values();
		float[] out = new float[FRAMES * BANDS];
		int kept = Math.min(frames, FRAMES);
		for (int band = 0; band < BANDS; band++) {
			for (int frame = 0; frame < kept; frame++) {
				float value = values[band * frames + frame];
				if (!Float.isFinite(value)) {
					throw new IOException(file.getFileName() + " holds a non-finite value");
				}
				out[frame * BANDS + band] = value;
			}
		}
		return out;
	}
}
