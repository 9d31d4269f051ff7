package dev.hitter.features.mel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyArray;

/**
 * The reference fixtures of spec melon-v1 (computed in float64 by the spec's authors, stored as float32):
 * every cell of our float32 log-mel must be within 1e-4 of theirs.
 */
class MelonParityTest {

	private static final LogMelSpectrogram MELON = new LogMelSpectrogram(MelSpec.MELON_V1);

	static List<String> cases() throws IOException {
		String json = new String(resource("cases.json").readAllBytes(), StandardCharsets.UTF_8);
		Matcher names = Pattern.compile("\"(\\w+)\"\\s*:\\s*\\{").matcher(json);
		List<String> found = new java.util.ArrayList<>();
		while (names.find()) {
			found.add(names.group(1));
		}
		assertThat(found).as("cases listed in cases.json").hasSizeGreaterThanOrEqualTo(3);
		return found;
	}

	@ParameterizedTest
	@MethodSource("cases")
	void matchesTheReferenceOnEveryCell(String name) throws IOException {
		NpyArray pcm = Npy.read(resource(name + ".pcm.npy"));
		NpyArray expected = Npy.read(resource(name + ".mel.npy"));

		MelSpectrogram mel = MELON.compute(pcm.values());

		assertThat(new int[] { mel.bands(), mel.frames() }).isEqualTo(expected.shape());
		double worst = 0;
		int worstCell = -1;
		float[] actual = mel.values();
		for (int i = 0; i < actual.length; i++) {
			double error = Math.abs(actual[i] - expected.values()[i]);
			if (error > worst) {
				worst = error;
				worstCell = i;
			}
		}
		assertThat(worst).as("largest error, at band %d frame %d", worstCell / Math.max(1, mel.frames()),
				worstCell % Math.max(1, mel.frames())).isLessThanOrEqualTo(1e-4);
	}

	private static InputStream resource(String name) {
		InputStream in = MelonParityTest.class.getResourceAsStream("/fixtures/mel/" + name);
		assertThat(in).as("fixture " + name).isNotNull();
		return in;
	}
}
