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
	void storesOnlyEachBandsTriangleAndProjectsWithIt() {
		MelFilterbank bank = MelFilterbank.of(MelSpec.MELON_V1);
		int span = 0;
		for (int band = 0; band < 48; band++) {
			int first = -1;
			int last = -1;
			for (int bin = 0; bin < 257; bin++) {
				if (bank.weight(band, bin) != 0) {
					first = first < 0 ? bin : first;
					last = bin;
				}
			}
			span += last - first + 1;
		}
		assertThat(bank.storedWeights()).isEqualTo(span).isLessThan(48 * 257 / 20);

		// two spectra, bins-major with a stride wider than the count: each band is its weighted sum
		int stride = 4;
		float[] power = new float[257 * stride];
		for (int bin = 0; bin < 257; bin++) {
			power[bin * stride] = bin;
			power[bin * stride + 1] = 1;
			power[bin * stride + 2] = Float.NaN; // beyond count: never read
		}
		float[] mel = new float[stride];
		for (int band = 0; band < 48; band++) {
			bank.projectBand(band, power, stride, 2, mel);
			double byBin = 0;
			double flat = 0;
			for (int bin = 0; bin < 257; bin++) {
				byBin += bank.weight(band, bin) * bin;
				flat += bank.weight(band, bin);
			}
			assertThat((double) mel[0]).isCloseTo(byBin, within(1e-4 * byBin));
			assertThat((double) mel[1]).isCloseTo(flat, within(1e-5 * flat));
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
