package dev.hitter.features.mel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogMelSpectrogramTest {

	private static final MelSpec SPEC = MelSpec.MELON_V1;

	private static final LogMelSpectrogram MELON = new LogMelSpectrogram(SPEC);

	@Test
	void thirtySecondsGiveTheMelonShape() {
		MelSpectrogram mel = MELON.compute(new float[30 * 16_000]);
		assertThat(mel.bands()).isEqualTo(48);
		assertThat(mel.frames()).isEqualTo(1876);
		assertThat(mel.specId()).isEqualTo("melon-v1");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 255, 256, 257, 511, 512, 513, 16_000 })
	void frameCountIsOnePlusSamplesOverHop(int samples) {
		assertThat(MELON.compute(new float[samples]).frames()).isEqualTo(1 + samples / 256);
	}

	@Test
	void silenceIsZeroEverywhere() {
		MelSpectrogram mel = MELON.compute(new float[16_000]);
		for (float value : mel.values()) {
			assertThat(value).isZero();
		}
	}

	@ParameterizedTest
	@ValueSource(doubles = { 110, 440, 1000, 2500, 6000 })
	void aToneLandsInTheBandWhoseTriangleCoversItBest(double hz) {
		MelSpectrogram mel = MELON.compute(sine(hz, 2.0));
		int loudest = loudestBand(mel, mel.frames() / 2);
		assertThat(loudest).isEqualTo(bestBandFor(hz));
		for (float value : mel.values()) {
			assertThat(value).isGreaterThanOrEqualTo(0f);
		}
	}

	@Test
	void louderMeansLargerValues() {
		MelSpectrogram quiet = MELON.compute(scale(sine(440, 1.0), 0.1f));
		MelSpectrogram loud = MELON.compute(sine(440, 1.0));
		int band = bestBandFor(440);
		assertThat(loud.value(band, 30)).isGreaterThan(quiet.value(band, 30));
	}

	@Test
	void aSliceIsComputedAsIfItWereTheWholeSignal() {
		float[] signal = sine(1000, 3.0);
		float[] middle = java.util.Arrays.copyOfRange(signal, 16_000, 32_000);
		assertThat(MELON.compute(signal, 16_000, 16_000).values()).containsExactly(MELON.compute(middle).values());
	}

	@Test
	void framesOutsideTheSignalSeeZeros() {
		// A click at the very first sample is seen by frame 0 only through the window's tail: small but present.
		float[] click = new float[4096];
		click[0] = 1f;
		MelSpectrogram mel = MELON.compute(click);
		assertThat(mel.value(10, 0)).isGreaterThan(0f);
		assertThat(mel.value(10, 3)).isZero();
	}

	/**
	 * Frames go through the FFT in pairs and in batches of 32: an odd count leaves a frame without its partner,
	 * and 33 frames leave a batch of one. Each is checked against the spec computed the plain way, in float64.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 1, 300, 512, 8_192, 8_448, 16_383 })
	void oddFrameCountsAndPartialBatchesMatchAPlainFloat64Reference(int samples) {
		float[] pcm = new float[samples];
		java.util.SplittableRandom random = new java.util.SplittableRandom(samples);
		for (int i = 0; i < samples; i++) {
			pcm[i] = (float) (0.4 * Math.sin(2 * Math.PI * 523.3 * i / 16_000) + 0.1 * (random.nextDouble() - 0.5));
		}
		MelSpectrogram mel = MELON.compute(pcm);
		double[][] expected = plainLogMel(pcm);
		for (int frame = 0; frame < mel.frames(); frame++) {
			for (int band = 0; band < 48; band++) {
				assertThat((double) mel.value(band, frame)).as("band %d frame %d of %d", band, frame, mel.frames())
					.isCloseTo(expected[frame][band], org.assertj.core.data.Offset.offset(2e-5));
			}
		}
	}

	@Test
	void threadsSharingOneInstanceGetTheSameValuesAsOneThread() throws Exception {
		float[][] signals = new float[8][];
		for (int i = 0; i < signals.length; i++) {
			signals[i] = sine(200 + 150 * i, 1.0 + 0.37 * i);
		}
		float[][] alone = new float[signals.length][];
		for (int i = 0; i < signals.length; i++) {
			alone[i] = new LogMelSpectrogram(SPEC).compute(signals[i]).values();
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			java.util.List<java.util.concurrent.Future<Boolean>> same = new java.util.ArrayList<>();
			for (int round = 0; round < 20; round++) {
				for (int i = 0; i < signals.length; i++) {
					int which = i;
					same.add(pool.submit(() -> java.util.Arrays.equals(MELON.compute(signals[which]).values(), alone[which])));
				}
			}
			for (java.util.concurrent.Future<Boolean> result : same) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The spec word for word: symmetric Hann, a direct DFT, |X|², dense triangles, log10(1 + 10000·m). */
	private static double[][] plainLogMel(float[] pcm) {
		int frames = 1 + pcm.length / 256;
		MelFilterbank bank = MelFilterbank.of(SPEC);
		double[] cos = new double[512];
		double[] sin = new double[512];
		for (int i = 0; i < 512; i++) {
			cos[i] = Math.cos(2 * Math.PI * i / 512);
			sin[i] = -Math.sin(2 * Math.PI * i / 512);
		}
		double[][] out = new double[frames][48];
		for (int k = 0; k < frames; k++) {
			double[] x = new double[512];
			for (int i = 0; i < 512; i++) {
				int t = k * 256 - 256 + i;
				x[i] = t >= 0 && t < pcm.length ? pcm[t] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / 511)) : 0;
			}
			double[] power = new double[257];
			for (int bin = 0; bin < 257; bin++) {
				double re = 0;
				double im = 0;
				for (int i = 0; i < 512; i++) {
					int angle = bin * i & 511; // e^(-2πi·bin·i/512) repeats every 512
					re += x[i] * cos[angle];
					im += x[i] * sin[angle];
				}
				power[bin] = re * re + im * im;
			}
			for (int band = 0; band < 48; band++) {
				double m = 0;
				for (int bin = 0; bin < 257; bin++) {
					m += bank.weight(band, bin) * power[bin];
				}
				out[k][band] = Math.log10(1 + 10_000 * m);
			}
		}
		return out;
	}

	@Test
	void framesFirstTransposes() {
		MelSpectrogram mel = MELON.compute(sine(440, 0.5));
		float[] timeMajor = mel.framesFirst();
		assertThat(timeMajor[7 * 48 + 5]).isEqualTo(mel.value(5, 7));
	}

	@Test
	void rejectsASliceOutsideTheSignal() {
		assertThatThrownBy(() -> MELON.compute(new float[10], 5, 6)).isInstanceOf(IndexOutOfBoundsException.class);
	}

	@Test
	void symmetricHannIsZeroAtBothEndsAndOneInTheMiddle() {
		float[] w = LogMelSpectrogram.symmetricHann(512);
		assertThat(w[0]).isZero();
		assertThat(w[511]).isCloseTo(0f, org.assertj.core.data.Offset.offset(1e-7f));
		assertThat(w[255]).isEqualTo(w[256]);
		assertThat(w[255]).isGreaterThan(0.9999f);
	}

	static float[] sine(double hz, double seconds) {
		float[] pcm = new float[(int) (seconds * 16_000)];
		for (int i = 0; i < pcm.length; i++) {
			pcm[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / 16_000));
		}
		return pcm;
	}

	private static float[] scale(float[] pcm, float gain) {
		float[] out = pcm.clone();
		for (int i = 0; i < out.length; i++) {
			out[i] *= gain;
		}
		return out;
	}

	static int loudestBand(MelSpectrogram mel, int frame) {
		int loudest = 0;
		for (int band = 1; band < mel.bands(); band++) {
			if (mel.value(band, frame) > mel.value(loudest, frame)) {
				loudest = band;
			}
		}
		return loudest;
	}

	/** The band whose triangle, integrated over the tone's bin neighbourhood, weighs it most. */
	static int bestBandFor(double hz) {
		MelFilterbank bank = MelFilterbank.of(SPEC);
		int bin = (int) Math.round(hz * SPEC.frameLength() / SPEC.sampleRate());
		int best = 0;
		double bestWeight = -1;
		for (int band = 0; band < bank.bands(); band++) {
			double weight = bank.weight(band, bin - 1) * 0.25 + bank.weight(band, bin) + bank.weight(band, bin + 1) * 0.25;
			if (weight > bestWeight) {
				bestWeight = weight;
				best = band;
			}
		}
		return best;
	}
}
