package dev.hitter.features.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.hitter.features.mel.LogMelSpectrogram;
import dev.hitter.features.mel.MelSpec;
import dev.hitter.features.mel.MelSpectrogram;

class SpectrogramPictureTest {

	@Test
	void pngHasTheResultPageSize() throws IOException {
		MelSpectrogram mel = new LogMelSpectrogram(MelSpec.MELON_V1).compute(new float[30 * 16_000]);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(SpectrogramPicture.RESULT_PAGE.png(mel)));
		assertThat(image.getWidth()).isEqualTo(938);
		assertThat(image.getHeight()).isEqualTo(48 * 4);
	}

	@Test
	void lowBandsAreAtTheBottomAndLoudIsBright() {
		float[] values = new float[48 * 10];
		for (int frame = 0; frame < 10; frame++) {
			values[frame] = 6f; // band 0 loud, every other band silent
		}
		BufferedImage image = new SpectrogramPicture(10, 2, 6f).render(new MelSpectrogram("melon-v1", 48, 10, values));
		assertThat(luminance(image.getRGB(5, image.getHeight() - 1))).isGreaterThan(luminance(image.getRGB(5, 0)) + 100);
	}

	@Test
	void eachPixelIsTheViridisColourOfItsValue() {
		float[] values = new float[48 * 4];
		for (int i = 0; i < values.length; i++) {
			values[i] = 6f * i / (values.length - 1);
		}
		MelSpectrogram mel = new MelSpectrogram("melon-v1", 48, 4, values);
		BufferedImage image = new SpectrogramPicture(4, 1, 6f).render(mel);
		for (int band = 0; band < 48; band++) {
			for (int frame = 0; frame < 4; frame++) {
				assertThat(image.getRGB(frame, 47 - band) & 0xffffff).as("band %d, frame %d", band, frame)
					.isEqualTo(Viridis.rgb(mel.value(band, frame) / 6f));
			}
		}
	}

	@Test
	void thePngReadsBackAsTheRenderedPicture() throws IOException {
		float[] samples = new float[30 * 16_000];
		java.util.Random random = new java.util.Random(3);
		for (int i = 0; i < samples.length; i++) {
			samples[i] = (float) (0.3 * Math.sin(i * 0.05 * (1 + i / 100_000.0)) + 0.05 * random.nextGaussian());
		}
		MelSpectrogram mel = new LogMelSpectrogram(MelSpec.MELON_V1).compute(samples);
		BufferedImage rendered = SpectrogramPicture.RESULT_PAGE.render(mel);
		BufferedImage read = ImageIO.read(new ByteArrayInputStream(SpectrogramPicture.RESULT_PAGE.png(mel)));
		for (int y = 0; y < rendered.getHeight(); y++) {
			for (int x = 0; x < rendered.getWidth(); x++) {
				if (read.getRGB(x, y) != rendered.getRGB(x, y)) {
					throw new AssertionError("pixel " + x + "," + y + " differs");
				}
			}
		}
	}

	@Test
	void colourMapGetsSteadilyLighter() {
		double previous = -1;
		for (int i = 0; i <= 20; i++) {
			double l = luminance(Viridis.rgb(i / 20.0));
			assertThat(l).as("step %d", i).isGreaterThan(previous);
			previous = l;
		}
	}

	@Test
	void stretchesShortSpectrogramsAcrossTheWidth() {
		MelSpectrogram mel = new LogMelSpectrogram(MelSpec.MELON_V1).compute(new float[2_000]);
		assertThat(new SpectrogramPicture(300, 1, 6f).render(mel).getWidth()).isEqualTo(300);
	}

	private static double luminance(int rgb) {
		return 0.2126 * (rgb >> 16 & 0xff) + 0.7152 * (rgb >> 8 & 0xff) + 0.0722 * (rgb & 0xff);
	}
}
