package dev.hitter.features.mel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LogCompressionTest {

	@Test
	void agreesWithMathLog10AcrossEveryMagnitudeALogMelMeets() {
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 200_000; i++) {
			double x = Math.pow(10, random.nextDouble(-12, 12));
			assertThat(LogCompression.log10OnePlus(x)).as("x = %s", x).isCloseTo(Math.log10(1 + x), within(1e-9));
		}
	}

	@Test
	void exactValuesAtTheEdges() {
		assertThat(LogCompression.log10OnePlus(0)).isZero();
		assertThat(LogCompression.log10OnePlus(9)).isCloseTo(1.0, within(1e-12));
		assertThat(LogCompression.log10OnePlus(Math.sqrt(2) - 1)).isCloseTo(Math.log10(Math.sqrt(2)), within(1e-9));
		assertThat(LogCompression.log10OnePlus(Double.NaN)).isNaN();
		assertThat(LogCompression.log10OnePlus(Double.POSITIVE_INFINITY)).isInfinite();
	}
}
