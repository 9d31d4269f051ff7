package dev.hitter.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class EvaluatorTest {

	private static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");

	/** Songs with a 30 % hit rate, hits scoring higher on average: a model of ROC AUC about 0.8. */
	private static HeldOutScores songs(int n, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		boolean[] hits = new boolean[n];
		double[] audio = new double[n];
		double[] lyrics = new double[n];
		double[] combined = new double[n];
		for (int i = 0; i < n; i++) {
			hits[i] = i % 10 < 3;
			double signal = hits[i] ? 1.2 : 0;
			audio[i] = sigmoid(signal + random.nextGaussian() - 0.8);
			lyrics[i] = sigmoid(signal + 1.5 * random.nextGaussian() - 0.8);
			combined[i] = (audio[i] + lyrics[i]) / 2;
		}
		return new HeldOutScores(hits, audio, lyrics, combined);
	}

	private static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

	@Test
	void everyIntervalHoldsItsPointEstimate() {
		Evaluation evaluation = Evaluator.evaluate(songs(300, 1), "test split", Evaluator.Settings.defaults(7), NOW);
		for (MetricIntervals model : List.of(evaluation.audio(), evaluation.lyrics(), evaluation.combined())) {
			for (Interval interval : List.of(model.rocAuc(), model.prAuc(), model.logLoss(), model.brier(),
					model.ece())) {
				assertThat(interval.low()).isLessThanOrEqualTo(interval.value());
				assertThat(interval.high()).isGreaterThanOrEqualTo(interval.value());
				assertThat(interval.low()).isLessThan(interval.high());
			}
			PrecisionAtK atK = model.precisionAtK();
			assertThat(atK.k()).isEqualTo(30);
			assertThat(atK.low()).isLessThanOrEqualTo(atK.value());
			assertThat(atK.high()).isGreaterThanOrEqualTo(atK.value());
		}
		assertThat(evaluation.audio().rocAuc().value()).isBetween(0.7, 0.9);
		assertThat(evaluation.songs()).isEqualTo(300);
		assertThat(evaluation.positives()).isEqualTo(90);
		assertThat(evaluation.passed()).isTrue();
		assertThat(evaluation.reasons().get(0)).contains("above 0.5");
	}

	@Test
	void intervalsNarrowAsTheSetGrows() {
		Evaluator.Settings settings = Evaluator.Settings.defaults(7);
		double small = Evaluator.evaluate(songs(100, 2), "test split", settings, NOW).audio().rocAuc().halfWidth();
		double large = Evaluator.evaluate(songs(1600, 2), "test split", settings, NOW).audio().rocAuc().halfWidth();
		// The width falls as 1/√n: sixteen times the songs, about a quarter of the width.
		assertThat(large).isLessThan(small / 2.5).isGreaterThan(small / 6);
	}

	@Test
	void theSameSeedGivesTheSameIntervals() {
		HeldOutScores scores = songs(200, 3);
		assertThat(Evaluator.evaluate(scores, "test split", Evaluator.Settings.defaults(5), NOW))
			.isEqualTo(Evaluator.evaluate(scores, "test split", Evaluator.Settings.defaults(5), NOW));
		assertThat(Evaluator.evaluate(scores, "test split", Evaluator.Settings.defaults(6), NOW).audio().rocAuc())
			.isNotEqualTo(Evaluator.evaluate(scores, "test split", Evaluator.Settings.defaults(5), NOW).audio().rocAuc());
	}

	@Test
	void aModelNoBetterThanChanceFails() {
		SplittableRandom random = new SplittableRandom(4);
		int n = 60;
		boolean[] hits = new boolean[n];
		double[] noise = new double[n];
		for (int i = 0; i < n; i++) {
			hits[i] = i % 3 == 0;
			noise[i] = random.nextDouble();
		}
		Evaluation evaluation = Evaluator.evaluate(new HeldOutScores(hits, noise, null, noise), "manifest x.csv",
				Evaluator.Settings.defaults(7), NOW);
		assertThat(evaluation.passed()).isFalse();
		assertThat(evaluation.lyrics()).isNull();
		assertThat(evaluation.combined().rocAuc().low()).isLessThanOrEqualTo(0.5);
		assertThat(evaluation.reasons()).anyMatch(reason -> reason.contains("not shown"))
			.anyMatch(reason -> reason.contains("lyrics model was not trained"));
	}

	@Test
	void aSetWithOneClassIsAClearError() {
		double[] p = { 0.2, 0.4, 0.9 };
		assertThatThrownBy(() -> Evaluator.evaluate(new HeldOutScores(new boolean[3], p, p, p), "test split",
				Evaluator.Settings.defaults(7), NOW))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("has 3 songs and no hit")
			.hasMessageContaining("need both hits and non-hits");
		assertThatThrownBy(() -> Evaluator.intervals(p, new boolean[] { true, true, true },
				Evaluator.Settings.defaults(7))).hasMessageContaining("only hits");
	}

	@Test
	void percentilesInterpolateBetweenOrderStatistics() {
		double[] sorted = { 0, 1, 2, 3, 4 };
		assertThat(Evaluator.percentile(sorted, 0.5)).isEqualTo(2);
		assertThat(Evaluator.percentile(sorted, 0.025)).isEqualTo(0.1);
		assertThat(Evaluator.percentile(sorted, 0.975)).isEqualTo(3.9);
	}
}
