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
}
