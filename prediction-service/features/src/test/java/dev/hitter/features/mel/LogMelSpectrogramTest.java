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
