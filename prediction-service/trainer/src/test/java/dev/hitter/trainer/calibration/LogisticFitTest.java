package dev.hitter.trainer.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.hitter.models.Combination;
import dev.hitter.models.PlattCalibration;
import dev.hitter.models.Sigmoid;

class LogisticFitTest {

	@Test
	void plattFitRecoversKnownSlopeAndIntercept() {
		SplittableRandom random = new SplittableRandom(1);
		int n = 40_000;
		double[] logits = new double[n];
		boolean[] hits = new boolean[n];
		for (int i = 0; i < n; i++) {
			logits[i] = random.nextDouble() * 8 - 4;
			hits[i] = random.nextDouble() < Sigmoid.of(0.6 * logits[i] - 0.8);
		}
		PlattCalibration platt = LogisticFit.platt(logits, hits);
		assertThat(platt.a()).isCloseTo(0.6, within(0.03));
		assertThat(platt.b()).isCloseTo(-0.8, within(0.05));
	}

	@Test
	void perfectlySeparatedValidationStillGivesFiniteCalibration() {
		double[] logits = { -3, -2, -1, 1, 2, 3 };
		boolean[] hits = { false, false, false, true, true, true };
		PlattCalibration platt = LogisticFit.platt(logits, hits);
		assertThat(platt.a()).isPositive().isLessThan(20);
		assertThat(platt.probability(3)).isLessThan(1).isGreaterThan(0.7);
	}

	@Test
	void combinationRecoversTheWeightsOfBothLogits() {
		SplittableRandom random = new SplittableRandom(2);
		int n = 40_000;
		double[] audio = new double[n];
		double[] lyrics = new double[n];
		boolean[] hits = new boolean[n];
		for (int i = 0; i < n; i++) {
			audio[i] = random.nextDouble() * 6 - 3;
			lyrics[i] = random.nextDouble() * 6 - 3;
			hits[i] = random.nextDouble() < Sigmoid.of(1.2 * audio[i] + 0.4 * lyrics[i] + 0.3);
		}
		Combination combination = LogisticFit.combination(audio, lyrics, hits);
		assertThat(combination.audioWeight()).isCloseTo(1.2, within(0.06));
		assertThat(combination.lyricsWeight()).isCloseTo(0.4, within(0.04));
		assertThat(combination.bias()).isCloseTo(0.3, within(0.05));
	}
}
