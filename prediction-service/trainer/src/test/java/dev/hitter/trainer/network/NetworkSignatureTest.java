package dev.hitter.trainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import dev.hitter.models.Signatures;

class NetworkSignatureTest {

	@Test
	void lyricsContributionsAreExactAndZeroAtPadding(@TempDir Path dir) throws Exception {
		int length = 20;
		SplittableRandom random = new SplittableRandom(3);
		List<int[]> songs = new ArrayList<>();
		float[] hits = new float[64];
		for (int i = 0; i < 64; i++) {
			int[] ids = new int[length];
			int used = 5 + random.nextInt(10);
			boolean hit = i % 2 == 0;
			for (int t = 0; t < used; t++) {
				ids[t] = 2 + random.nextInt(10);
			}
			if (hit) {
				ids[random.nextInt(used)] = 12;
			}
			songs.add(ids);
			hits[i] = hit ? 1 : 0;
		}
		try (LyricsNetwork network = new LyricsNetwork(length, 13, LyricsNetwork.Sizes.DEFAULT, 7, 1e-4f, 0.01f)) {
			float first = network.train(songs, hits);
			float last = first;
			for (int step = 0; step < 60; step++) {
				last = network.train(songs, hits);
			}
			assertThat(last).isLessThan(first / 4);
			Predictions predictions = network.predict(songs.subList(0, 4));
			float bias = network.outputBiasValue();
			for (int i = 0; i < 4; i++) {
				float sum = 0;
				for (int t = 0; t < length; t++) {
					sum += predictions.contributions()[i][t];
					if (songs.get(i)[t] == 0) {
						assertThat(predictions.contributions()[i][t]).isZero();
					}
				}
				assertThat(sum + bias).isCloseTo(predictions.logits()[i], within(1e-4f));
			}
			network.export(dir.resolve("lyrics"));
			try (SavedModelBundle bundle = SavedModelBundle.load(dir.resolve("lyrics").toString(), Signatures.TAG);
					TInt32 x = TInt32.tensorOf(Shape.of(1, length), DataBuffers.of(songs.get(0), true, false));
					Result result = bundle.function(Signatures.KEY).call(Map.of(Signatures.LYRICS_INPUT, (Tensor) x))) {
				TFloat32 logit = (TFloat32) result.get(Signatures.LOGIT).orElseThrow();
				assertThat(logit.getFloat(0, 0)).isCloseTo(predictions.logits()[0], within(1e-5f));
			}
		}
	}

	@Test
	void audioMapSumsToTheLogit() {
		int frames = 64;
		float[] mean = new float[8];
		float[] scale = new float[8];
		java.util.Arrays.fill(scale, 1);
		SplittableRandom random = new SplittableRandom(5);
		List<float[]> mels = new ArrayList<>();
		float[] hits = new float[16];
		for (int i = 0; i < 16; i++) {
			float[] mel = new float[frames * 8];
			for (int j = 0; j < mel.length; j++) {
				mel[j] = (float) random.nextDouble() + (i % 2 == 0 && j % 8 == 7 ? 1 : 0);
			}
			mels.add(mel);
			hits[i] = i % 2 == 0 ? 1 : 0;
		}
		try (AudioNetwork network = new AudioNetwork(frames, 8, mean, scale, AudioNetwork.Sizes.DEFAULT, 7, 1e-4f,
				0.01f)) {
			for (int step = 0; step < 30; step++) {
				network.train(mels, hits);
			}
			assertThat(network.positions()).isEqualTo(4);
			Predictions predictions = network.predict(mels);
			float bias = network.outputBiasValue();
			float sum = 0;
			for (float c : predictions.contributions()[0]) {
				sum += c;
			}
			assertThat(sum + bias).isCloseTo(predictions.logits()[0], within(1e-4f));
		}
	}

	/**
	 * The seed fixes the starting weights, so two networks start bit-identical; training is only repeatable up to
	 * TensorFlow's floating-point noise (see HitNetwork), so the check stops at the first step.
	 */
	@Test
	void sameSeedGivesIdenticalStartingNetworks() {
		int frames = 64;
		float[] mean = new float[48];
		float[] scale = new float[48];
		java.util.Arrays.fill(scale, 1);
		SplittableRandom random = new SplittableRandom(9);
		List<float[]> mels = new ArrayList<>();
		float[] hits = new float[16];
		for (int i = 0; i < 16; i++) {
			float[] mel = new float[frames * 48];
			for (int j = 0; j < mel.length; j++) {
				mel[j] = (float) random.nextDouble();
			}
			mels.add(mel);
			hits[i] = i % 2 == 0 ? 1 : 0;
		}
		float[][] logits = new float[2][];
		float[] firstLoss = new float[2];
		for (int run = 0; run < 2; run++) {
			try (AudioNetwork network = new AudioNetwork(frames, 48, mean, scale, AudioNetwork.Sizes.DEFAULT, 7, 1e-4f,
					0.01f)) {
				logits[run] = network.predict(mels).logits();
				firstLoss[run] = network.train(mels, hits);
			}
		}
		assertThat(logits[1]).containsExactly(logits[0]);
		assertThat(firstLoss[1]).isEqualTo(firstLoss[0]);
	}
}
