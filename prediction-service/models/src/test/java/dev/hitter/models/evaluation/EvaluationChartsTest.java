package dev.hitter.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationChartsTest {

	@TempDir
	Path dir;

	@Test
	void drawsTheRocCurvesAndTheReliabilityDiagramAsPng() throws IOException {
		boolean[] hits = new boolean[40];
		double[] audio = new double[40];
		double[] lyrics = new double[40];
		double[] combined = new double[40];
		for (int i = 0; i < 40; i++) {
			hits[i] = i % 4 == 0;
			audio[i] = (hits[i] ? 0.5 : 0.1) + 0.01 * i;
			lyrics[i] = (i * 37 % 40) / 40.0;
			combined[i] = (audio[i] + lyrics[i]) / 2;
		}
		HeldOutScores scores = new HeldOutScores(hits, audio, lyrics, combined);
		Evaluation evaluation = Evaluator.evaluate(scores, "test split", Evaluator.Settings.defaults(1),
				Instant.parse("2026-12-07T18:00:00Z"));

		EvaluationCharts.write(dir, scores, evaluation, "POP v20261207-180000");

		for (String name : new String[] { Evaluation.ROC_PICTURE, Evaluation.RELIABILITY_PICTURE }) {
			BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
			assertThat(image.getWidth()).as(name).isEqualTo(EvaluationCharts.WIDTH);
			assertThat(image.getHeight()).as(name).isEqualTo(EvaluationCharts.HEIGHT);
			assertThat(count(image, new Color(0x1f77b4))).as(name + ": the audio line").isGreaterThan(50);
			assertThat(count(image, new Color(0xff7f0e))).as(name + ": the lyrics line").isGreaterThan(50);
			assertThat(count(image, new Color(0x2ca02c))).as(name + ": the combined line").isGreaterThan(50);
		}
	}

	private static int count(BufferedImage image, Color color) {
		int count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				count += (image.getRGB(x, y) & 0xffffff) == (color.getRGB() & 0xffffff) ? 1 : 0;
			}
		}
		return count;
	}
}
