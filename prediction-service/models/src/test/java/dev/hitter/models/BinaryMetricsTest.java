package dev.hitter.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

	@Test
	void perfectRankingHasAucOneAndChanceHasAHalf() {
		boolean[] labels = { false, false, true, true };
		assertThat(BinaryMetrics.of(new double[] { 0.1, 0.2, 0.8, 0.9 }, labels).rocAuc()).isEqualTo(1.0);
		assertThat(BinaryMetrics.of(new double[] { 0.5, 0.5, 0.5, 0.5 }, labels).rocAuc()).isEqualTo(0.5);
		assertThat(BinaryMetrics.of(new double[] { 0.9, 0.8, 0.2, 0.1 }, labels).rocAuc()).isZero();
	}

	@Test
	void aucCountsPairsWithTiesAsHalf() {
		// Positives 0.4, 0.7; negatives 0.4, 0.1: pairs (0.4>0.4 tie .5)(0.4>0.1)(0.7>0.4)(0.7>0.1) = 3.5 / 4.
		double auc = BinaryMetrics.of(new double[] { 0.4, 0.7, 0.4, 0.1 }, new boolean[] { true, true, false, false })
			.rocAuc();
		assertThat(auc).isCloseTo(0.875, within(1e-12));
	}

	@Test
	void logLossAccuracyAndCalibrationError() {
		BinaryMetrics metrics = BinaryMetrics.of(new double[] { 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7 },
				new boolean[] { true, true, true, true, true, true, true, false, false, false });
		assertThat(metrics.expectedCalibrationError()).isCloseTo(0, within(1e-12));
		assertThat(metrics.accuracy()).isCloseTo(0.7, within(1e-12));
		assertThat(metrics.logLoss()).isCloseTo(-(0.7 * Math.log(0.7) + 0.3 * Math.log(0.3)), within(1e-12));
		assertThat(metrics.positives()).isEqualTo(7);
	}

	@Test
	void prAucBrierAndLogLossOnAHandComputedSet() {
		// Ranked 0.9 hit, 0.8 miss, 0.7 hit, 0.6 miss, 0.2 miss.
		BinaryMetrics metrics = BinaryMetrics.of(new double[] { 0.9, 0.8, 0.7, 0.6, 0.2 },
				new boolean[] { true, false, true, false, false });
		// Hit pairs won: 0.9 beats all three misses, 0.7 beats two: 5 of 6.
		assertThat(metrics.rocAuc()).isCloseTo(5.0 / 6, within(1e-12));
		// Recall ½ at precision 1 (0.9), then ½ more at precision ⅔ (0.7).
		assertThat(metrics.prAuc()).isCloseTo(0.5 * 1 + 0.5 * 2.0 / 3, within(1e-12));
		assertThat(metrics.brier()).isCloseTo((0.01 + 0.64 + 0.09 + 0.36 + 0.04) / 5, within(1e-12));
		assertThat(metrics.logLoss()).isCloseTo(
				-(Math.log(0.9) + Math.log(0.2) + Math.log(0.7) + Math.log(0.4) + Math.log(0.8)) / 5, within(1e-12));
		// Each song alone in its bin: |0.9−1| + 0.8 + |0.7−1| + 0.6 + 0.2, over 5.
		assertThat(metrics.expectedCalibrationError()).isCloseTo(2.0 / 5, within(1e-12));
	}

	@Test
	void cardsWrittenBeforePrAucAndBrierReadThemAsUnknown() {
		BinaryMetrics old = new BinaryMetrics(90, 27, 0.91, 0.9, 0.36, 0.1);
		assertThat(old.prAuc()).isNull();
		assertThat(old.brier()).isNull();
	}
}
