package dev.hitter.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankedScoresTest {

	private final RankedScores scores = RankedScores.of(new double[] { 0.2, 0.9, 0.6, 0.7, 0.8 },
			new boolean[] { false, true, false, true, false });

	@Test
	void precisionAtKCountsTheHitsAmongTheHighestScored() {
		int[] ones = scores.ones();
		assertThat(scores.precisionAtK(ones, 1)).isEqualTo(1.0);
		assertThat(scores.precisionAtK(ones, 2)).isEqualTo(0.5);
		assertThat(scores.precisionAtK(ones, 3)).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(scores.precisionAtK(ones, 10)).isCloseTo(2.0 / 5, within(1e-12));
	}

	@Test
	void tiesAreNeitherLuckyNorUnlucky() {
		RankedScores tied = RankedScores.of(new double[] { 0.5, 0.5, 0.1 }, new boolean[] { true, false, false });
		int[] ones = tied.ones();
		assertThat(tied.precisionAtK(ones, 1)).isEqualTo(0.5);
		assertThat(tied.averagePrecision(ones)).isEqualTo(0.5);
		assertThat(tied.rocAuc(ones)).isEqualTo(0.75);
	}

	@Test
	void aWeightCountsLikeThatManyCopies() {
		// Weights in sorted order: 0.2, 0.6, 0.7, 0.8, 0.9 → the 0.8 miss twice, the 0.2 miss dropped.
		int[] weights = scores.weights(new int[] { 0, 1, 1, 1, 2 }, new int[5]);
		RankedScores copies = RankedScores.of(new double[] { 0.9, 0.6, 0.7, 0.8, 0.8 },
				new boolean[] { true, false, true, false, false });
		int[] ones = copies.ones();
		assertThat(scores.rocAuc(weights)).isCloseTo(copies.rocAuc(ones), within(1e-12));
		assertThat(scores.averagePrecision(weights)).isCloseTo(copies.averagePrecision(ones), within(1e-12));
		assertThat(scores.logLoss(weights)).isCloseTo(copies.logLoss(ones), within(1e-12));
		assertThat(scores.brier(weights)).isCloseTo(copies.brier(ones), within(1e-12));
		assertThat(scores.expectedCalibrationError(weights, 10)).isCloseTo(copies.expectedCalibrationError(ones, 10),
				within(1e-12));
		assertThat(scores.precisionAtK(weights, 2)).isCloseTo(copies.precisionAtK(ones, 2), within(1e-12));
	}

	@Test
	void theBootstrapsOnePassAgreesWithEachMetricAlone() {
		java.util.SplittableRandom random = new java.util.SplittableRandom(9);
		int n = 500;
		double[] p = new double[n];
		boolean[] hits = new boolean[n];
		for (int i = 0; i < n; i++) {
			hits[i] = random.nextDouble() < 0.3;
			// Rounded to two decimals: many ties, and some probabilities exactly 0 or 1.
			p[i] = Math.round(Math.min(1, Math.max(0, (hits[i] ? 0.2 : 0) + random.nextDouble() * 0.9)) * 100) / 100.0;
		}
		RankedScores ranked = RankedScores.of(p, hits);
		for (int trial = 0; trial < 20; trial++) {
			int[] weights = new int[n];
			for (int i = 0; i < n; i++) {
				weights[random.nextInt(n)]++;
			}
			double[] all = ranked.metrics(weights, 37);
			assertThat(all[RankedScores.ROC_AUC]).isCloseTo(ranked.rocAuc(weights), within(1e-12));
			assertThat(all[RankedScores.PR_AUC]).isCloseTo(ranked.averagePrecision(weights), within(1e-12));
			assertThat(all[RankedScores.LOG_LOSS]).isCloseTo(ranked.logLoss(weights), within(1e-12));
			assertThat(all[RankedScores.BRIER]).isCloseTo(ranked.brier(weights), within(1e-12));
			assertThat(all[RankedScores.ECE]).isCloseTo(ranked.expectedCalibrationError(weights, 10), within(1e-12));
			assertThat(all[RankedScores.PRECISION_AT_K]).isCloseTo(ranked.precisionAtK(weights, 37), within(1e-12));
		}
	}

	@Test
	void refusesWhatIsNotAProbability() {
		assertThatThrownBy(() -> RankedScores.of(new double[] { 0.5, 1.5 }, new boolean[] { true, false }))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("1.5");
		assertThatThrownBy(() -> RankedScores.of(new double[] { Double.NaN }, new boolean[] { true }))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
