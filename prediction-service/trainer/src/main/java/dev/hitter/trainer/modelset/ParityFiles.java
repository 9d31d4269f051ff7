package dev.hitter.trainer.modelset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyArray;
import dev.hitter.models.Signatures;
import dev.hitter.trainer.network.Predictions;

/**
 * Held-out examples exactly as the trainer fed them and what the trainer's session answered, so that the server
 * (DJL, another JVM) can check it computes the same: {@code <model>/parity/} holds the input ({@code mel.npy}
 * float32 [N, frames, bands] or {@code tokens.npy} int32 [N, L]), {@code logit.npy} and {@code prob.npy} [N, 1],
 * the contributions [N, positions] under the signature's output name, {@code hit.npy} int32 [N] (the examples'
 * labels, so that the server can measure its own ROC AUC on them) and {@code ids.txt} (one song id a line); once
 * the combination is fitted, {@code calibrated.npy} [N] (the model's probability after the trainer's own Platt
 * scaling) and {@code combined.npy} [N] (the trainer's combined probability of the same songs, the same in both
 * folders), so that the server's calibration and combination are checked too, not only its raw outputs.
 */
public final class ParityFiles {

	public static final String FOLDER = "parity";

	private ParityFiles() {
	}

	public static void writeAudio(Path model, List<String> ids, List<Boolean> hits, List<float[]> mels, int frames,
			int bands, Predictions predictions) throws IOException {
		Path dir = Files.createDirectories(model.resolve(FOLDER));
		float[] flat = new float[mels.size() * frames * bands];
		for (int i = 0; i < mels.size(); i++) {
			System.arraycopy(mels.get(i), 0, flat, i * frames * bands, frames * bands);
		}
		Npy.writeFloats(dir.resolve(Signatures.AUDIO_INPUT + ".npy"), NpyArray.ofFloats(flat, mels.size(), frames, bands));
		writeOutputs(dir, ids, hits, predictions, Signatures.AUDIO_CONTRIBUTIONS);
	}

	public static void writeLyrics(Path model, List<String> ids, List<Boolean> hits, List<int[]> tokens, int length,
			Predictions predictions) throws IOException {
		Path dir = Files.createDirectories(model.resolve(FOLDER));
		int[] flat = new int[tokens.size() * length];
		for (int i = 0; i < tokens.size(); i++) {
			System.arraycopy(tokens.get(i), 0, flat, i * length, length);
		}
		Npy.writeInts(dir.resolve(Signatures.LYRICS_INPUT + ".npy"), flat, tokens.size(), length);
		writeOutputs(dir, ids, hits, predictions, Signatures.LYRICS_CONTRIBUTIONS);
	}

	/** The trainer's calibrated probabilities, float32 [N]. */
	public static final String CALIBRATED = "calibrated.npy";

	/** The trainer's combined (audio + lyrics) probabilities, float32 [N]. */
	public static final String COMBINED = "combined.npy";

	/** Adds the trainer's calibrated and combined probabilities of the model's parity examples (in their order). */
	public static void writeCalibrated(Path model, double[] calibrated, double[] combined) throws IOException {
		Path dir = Files.createDirectories(model.resolve(FOLDER));
		Npy.writeFloats(dir.resolve(CALIBRATED), NpyArray.ofFloats(toFloats(calibrated), calibrated.length));
		Npy.writeFloats(dir.resolve(COMBINED), NpyArray.ofFloats(toFloats(combined), combined.length));
	}

	private static float[] toFloats(double[] values) {
		float[] out = new float[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = (float) values[i];
		}
		return out;
	}

	/** The file of the examples' labels (1 = hit), int32 [N]. */
	public static final String LABELS = "hit.npy";

	private static void writeOutputs(Path dir, List<String> ids, List<Boolean> hits, Predictions predictions,
			String contributionsName) throws IOException {
		Npy.writeInts(dir.resolve(LABELS), hits.stream().mapToInt(hit -> hit ? 1 : 0).toArray(), hits.size());
		int n = predictions.size();
		Npy.writeFloats(dir.resolve(Signatures.LOGIT + ".npy"), NpyArray.ofFloats(predictions.logits().clone(), n, 1));
		Npy.writeFloats(dir.resolve(Signatures.PROBABILITY + ".npy"),
				NpyArray.ofFloats(predictions.probabilities().clone(), n, 1));
		int positions = n == 0 ? 0 : predictions.contributions()[0].length;
		float[] flat = new float[n * positions];
		for (int i = 0; i < n; i++) {
			System.arraycopy(predictions.contributions()[i], 0, flat, i * positions, positions);
		}
		Npy.writeFloats(dir.resolve(contributionsName + ".npy"), NpyArray.ofFloats(flat, n, positions));
		Files.writeString(dir.resolve("ids.txt"), String.join("\n", ids) + "\n", StandardCharsets.UTF_8);
	}
}
