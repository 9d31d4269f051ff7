package dev.hitter.features.mel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MelFilterbankTest {

	@ParameterizedTest
	@CsvSource({ "0, 0", "500, 7.5", "1000, 15", "6400, 42" })
	void slaneyMelScaleIsLinearBelowOneKilohertzAndLogarithmicAbove(double hz, double mel) {
		assertThat(MelFilterbank.hzToMel(hz)).isCloseTo(mel, within(1e-9));
		assertThat(MelFilterbank.melToHz(mel)).isCloseTo(hz, within(1e-6));
	}

	@Test
	void everyBandHasWeightsAndTheyAreNonNegative() {
		MelFilterbank bank = MelFilterbank.of(MelSpec.MELON_V1);
		assertThat(bank.bands()).isEqualTo(48);
		for (int band = 0; band < 48; band++) {
			double sum = 0;
			for (int bin = 0; bin < 257; bin++) {
				assertThat(bank.weight(band, bin)).isGreaterThanOrEqualTo(0f);
				sum += bank.weight(band, bin);
			}
			assertThat(sum).as("band %d", band).isPositive();
		}
	}

	@Test
	void bandPeaksRiseWithTheBandIndex() {
		MelFilterbank bank = MelFilterbank.of(MelSpec.MELON_V1);
		int previousPeak = -1;
		for (int band = 0; band < 48; band++) {
			int peak = 0;
			for (int bin = 1; bin < 257; bin++) {
				if (bank.weight(band, bin) > bank.weight(band, peak)) {
					peak = bin;
				}
			}
			assertThat(peak).as("band %d", band).isGreaterThanOrEqualTo(previousPeak);
			previousPeak = peak;
		}
		assertThat(previousPeak).isGreaterThan(200);
	}

	@Test
	void slaneyNormalisationMakesHighBandsLowerButWider() {
		MelFilterbank bank = MelFilterbank.of(MelSpec.MELON_V1);
		float lowPeak = 0;
		float highPeak = 0;
		for (int bin = 0; bin < 257; bin++) {
			lowPeak = Math.max(lowPeak, bank.weight(20, bin));
			highPeak = Math.max(highPeak, bank.weight(47, bin));
		}
		assertThat(highPeak).isLessThan(lowPeak);
	}
}
