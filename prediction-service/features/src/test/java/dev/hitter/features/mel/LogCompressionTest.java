package dev.hitter.features.mel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LogCompressionTest {

	@Test
	void agreesWithMathLog10AcrossEveryMagnitudeALogMelMeets() {
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 500_000; i++) {
			float x = (float) Math.pow(10, random.nextDouble(-12, 12));
			assertThat((double) LogCompression.log10OnePlus(x)).as("x = %s", x)
				.isCloseTo(Math.log10(1 + (double) x), within(2e-6 * Math.max(1, Math.log10(1 + (double) x))));
		}
	}

	@Test
	void isWellInsideTheParityToleranceWhereMelValuesLive() {
		// melon-v1 values of real music lie in 0–7; there the error (float rounding included) is 50× inside 1e-4.
		for (double x = 0; x < 1e7; x = x * 1.001 + 1e-6) {
			assertThat((double) LogCompression.log10OnePlus((float) x)).isCloseTo(Math.log10(1 + (float) x), within(2e-6));
		}
	}

	@Test
	void exactValuesAtTheEdges() {
		assertThat(LogCompression.log10OnePlus(0)).isZero();
		assertThat(LogCompression.log10OnePlus(9)).isCloseTo(1f, within(1e-6f));
		assertThat(LogCompression.log10OnePlus(Float.NaN)).isNaN();
		assertThat(LogCompression.log10OnePlus(Float.POSITIVE_INFINITY)).isInfinite();
	}
}
