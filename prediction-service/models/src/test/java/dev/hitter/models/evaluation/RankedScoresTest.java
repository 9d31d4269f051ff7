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
	void refusesWhatIsNotAProbability() {
		assertThatThrownBy(() -> RankedScores.of(new double[] { 0.5, 1.5 }, new boolean[] { true, false }))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("1.5");
		assertThatThrownBy(() -> RankedScores.of(new double[] { Double.NaN }, new boolean[] { true }))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
