package dev.hitter.models.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * The two pictures of an evaluation, drawn with Java 2D (headless) as PNG: the ROC curves and the reliability
 * diagram, one line each for audio, lyrics and combined, with the chance/perfect-calibration diagonal.
 */
public final class EvaluationCharts {

	static final int WIDTH = 720;

	static final int HEIGHT = 720;

	private static final int LEFT = 80;

	private static final int RIGHT = 30;

	private static final int TOP = 76;

	/** Below the plot: the tick labels, the axis label and the legend (one line per model). */
	private static final int BOTTOM = 130;

	private static final Color AUDIO = new Color(0x1f77b4);

	private static final Color LYRICS = new Color(0xff7f0e);

	private static final Color COMBINED = new Color(0x2ca02c);

	static {
		// A server or CI machine has no display; Java 2D draws into images all the same.
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	private EvaluationCharts() {
	}

	/** One line of a chart: a model's name, its colour, its scores and the figure its legend quotes. */
	record Series(String name, Color color, RankedScores scores, String legend) {
	}

	/** Writes {@value Evaluation#ROC_PICTURE} and {@value Evaluation#RELIABILITY_PICTURE} into {@code folder}. */
	public static void write(Path folder, HeldOutScores scores, Evaluation evaluation, String title) throws IOException {
		List<Series> series = new ArrayList<>();
		series.add(new Series("audio", AUDIO, RankedScores.of(scores.audio(), scores.hits()), null));
		if (scores.lyrics() != null) {
			series.add(new Series("lyrics", LYRICS, RankedScores.of(scores.lyrics(), scores.hits()), null));
		}
		series.add(new Series("combined", COMBINED, RankedScores.of(scores.combined(), scores.hits()), null));
		List<Series> roc = new ArrayList<>();
		List<Series> reliability = new ArrayList<>();
		for (Series line : series) {
			MetricIntervals metrics = line.name().equals("audio") ? evaluation.audio()
					: line.name().equals("lyrics") ? evaluation.lyrics() : evaluation.combined();
			roc.add(new Series(line.name(), line.color(), line.scores(), String.format(Locale.ROOT,
					"%s  AUC %.3f [%.3f, %.3f]", line.name(), metrics.rocAuc().value(), metrics.rocAuc().low(),
					metrics.rocAuc().high())));
			reliability.add(new Series(line.name(), line.color(), line.scores(), String.format(Locale.ROOT,
					"%s  ECE %.3f [%.3f, %.3f]", line.name(), metrics.ece().value(), metrics.ece().low(),
					metrics.ece().high())));
		}
		String subtitle = String.format(Locale.ROOT, "%s: %d songs, %d hits; 95 %% bootstrap intervals",
				evaluation.on(), evaluation.songs(), evaluation.positives());
		writePng(rocCurves(roc, title, subtitle), folder.resolve(Evaluation.ROC_PICTURE));
		writePng(reliabilityDiagram(reliability, title, subtitle), folder.resolve(Evaluation.RELIABILITY_PICTURE));
	}

	static BufferedImage rocCurves(List<Series> series, String title, String subtitle) {
		Plot plot = new Plot(title + " — ROC", subtitle, "false positive rate (non-hits above the threshold)",
				"true positive rate (hits above the threshold)", "chance");
		for (Series line : series) {
			RankedScores scores = line.scores();
			double positives = scores.positives();
			double negatives = scores.negatives();
			Path2D.Double path = new Path2D.Double();
			path.moveTo(plot.x(0), plot.y(0));
			double tp = 0;
			double fp = 0;
			int j = scores.size() - 1;
			while (j >= 0) {
				int i = j;
				while (i >= 0 && scores.probability(i) == scores.probability(j)) {
					if (scores.hit(i)) {
						tp++;
					}
					else {
						fp++;
					}
					i--;
				}
				path.lineTo(plot.x(fp / negatives), plot.y(tp / positives));
				j = i;
			}
			plot.line(path, line.color());
		}
		plot.legend(series);
		return plot.finish();
	}

	static BufferedImage reliabilityDiagram(List<Series> series, String title, String subtitle) {
		Plot plot = new Plot(title + " — reliability", subtitle + "\n" + Evaluator.CALIBRATION_BINS
				+ " equal-width probability bins; a dot's area ∝ its bin's songs", "mean predicted probability in the bin",
				"observed hit rate in the bin", "perfectly calibrated");
		int bins = Evaluator.CALIBRATION_BINS;
		for (Series line : series) {
			RankedScores scores = line.scores();
			double[] sum = new double[bins];
			double[] hits = new double[bins];
			int[] counts = new int[bins];
			for (int r = 0; r < scores.size(); r++) {
				double p = scores.probability(r);
				int bin = Math.min(bins - 1, (int) (p * bins));
				sum[bin] += p;
				hits[bin] += scores.hit(r) ? 1 : 0;
				counts[bin]++;
			}
			Path2D.Double path = new Path2D.Double();
			boolean started = false;
			List<double[]> dots = new ArrayList<>();
			for (int bin = 0; bin < bins; bin++) {
				if (counts[bin] == 0) {
					continue;
				}
				double x = plot.x(sum[bin] / counts[bin]);
				double y = plot.y(hits[bin] / counts[bin]);
				if (started) {
					path.lineTo(x, y);
				}
				else {
					path.moveTo(x, y);
					started = true;
				}
				dots.add(new double[] { x, y, counts[bin] / (double) scores.size() });
			}
			plot.line(path, line.color());
			for (double[] dot : dots) {
				plot.dot(dot[0], dot[1], 4 + 14 * Math.sqrt(dot[2]), line.color());
			}
		}
		plot.legend(series);
		return plot.finish();
	}

	private static void writePng(BufferedImage image, Path file) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try {
			if (!ImageIO.write(image, "png", partial.toFile())) {
				throw new IOException("no PNG writer in this Java runtime");
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	/** A square unit plot ([0, 1] on both axes) with its frame, grid, ticks, labels and diagonal. */
	private static final class Plot {

		private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);

		private final Graphics2D g = image.createGraphics();

		private final int size = Math.min(WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);

		Plot(String title, String subtitle, String xLabel, String yLabel, String diagonal) {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
			g.drawString(title, LEFT, 24);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			String[] lines = subtitle.split("\n");
			for (int i = 0; i < lines.length; i++) {
				g.drawString(lines[i], LEFT, 44 + 16 * i);
			}
			for (int t = 0; t <= 10; t += 2) {
				double v = t / 10.0;
				g.setColor(new Color(0xe6e6e6));
				g.drawLine((int) x(v), TOP, (int) x(v), TOP + size);
				g.drawLine(LEFT, (int) y(v), LEFT + size, (int) y(v));
				g.setColor(Color.BLACK);
				String label = String.format(Locale.ROOT, "%.1f", v);
				FontMetrics metrics = g.getFontMetrics();
				g.drawString(label, (int) x(v) - metrics.stringWidth(label) / 2, TOP + size + 18);
				g.drawString(label, LEFT - 8 - metrics.stringWidth(label), (int) y(v) + 4);
				g.drawLine((int) x(v), TOP + size, (int) x(v), TOP + size + 5);
				g.drawLine(LEFT - 5, (int) y(v), LEFT, (int) y(v));
			}
			g.setColor(Color.BLACK);
			g.drawRect(LEFT, TOP, size, size);
			FontMetrics metrics = g.getFontMetrics();
			g.drawString(xLabel, LEFT + (size - metrics.stringWidth(xLabel)) / 2, TOP + size + 40);
			AffineTransform saved = g.getTransform();
			g.rotate(-Math.PI / 2);
			g.drawString(yLabel, -(TOP + (size + metrics.stringWidth(yLabel)) / 2), LEFT - 42);
			g.setTransform(saved);
			g.setColor(Color.GRAY);
			g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 5 },
					0));
			g.drawLine((int) x(0), (int) y(0), (int) x(1), (int) y(1));
			g.drawString(diagonal, (int) x(0.62), (int) y(0.56));
		}

		double x(double v) {
			return LEFT + v * size;
		}

		double y(double v) {
			return TOP + size - v * size;
		}

		void line(Path2D path, Color color) {
			g.setColor(color);
			g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			g.draw(path);
		}

		void dot(double x, double y, double diameter, Color color) {
			g.setColor(color);
			g.fill(new java.awt.geom.Ellipse2D.Double(x - diameter / 2, y - diameter / 2, diameter, diameter));
		}

		/** The legend under the axis label, outside the plot, so that it hides no point of any line. */
		void legend(List<Series> series) {
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
			for (int i = 0; i < series.size(); i++) {
				int y = TOP + size + 66 + 20 * i;
				g.setColor(series.get(i).color());
				g.setStroke(new BasicStroke(3));
				g.drawLine(LEFT, y - 4, LEFT + 24, y - 4);
				g.setColor(Color.BLACK);
				g.drawString(series.get(i).legend(), LEFT + 32, y);
			}
		}

		BufferedImage finish() {
			g.dispose();
			return image;
		}
	}
}
