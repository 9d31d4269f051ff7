package dev.hitter.models.evaluation;

import java.util.Locale;

/** An evaluation as the table a person reads in a terminal: one row per metric, one column per model. */
public final class EvaluationReport {

	private EvaluationReport() {
	}

	public static String text(String title, Evaluation evaluation) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%s on the %s: %d songs, %d hits; value [95 %% bootstrap interval]%n",
				title, evaluation.on(), evaluation.songs(), evaluation.positives()));
		out.append(String.format(Locale.ROOT, "  %-18s %-26s %-26s %-26s%n", "", "audio", "lyrics", "combined"));
		row(out, "ROC AUC", evaluation, Metric.ROC_AUC);
		row(out, "PR AUC", evaluation, Metric.PR_AUC);
		row(out, "log loss", evaluation, Metric.LOG_LOSS);
		row(out, "Brier score", evaluation, Metric.BRIER);
		row(out, "calibration error", evaluation, Metric.ECE);
		row(out, "precision at " + evaluation.combined().precisionAtK().k(), evaluation, Metric.PRECISION_AT_K);
		out.append(evaluation.passed() ? "  passed" : "  NOT passed").append(System.lineSeparator());
		for (String reason : evaluation.reasons()) {
			out.append("  - ").append(reason).append(System.lineSeparator());
		}
		return out.toString();
	}

	private enum Metric {
		ROC_AUC, PR_AUC, LOG_LOSS, BRIER, ECE, PRECISION_AT_K
	}

	private static void row(StringBuilder out, String name, Evaluation evaluation, Metric metric) {
		out.append(String.format(Locale.ROOT, "  %-18s %-26s %-26s %-26s%n", name, cell(evaluation.audio(), metric),
				cell(evaluation.lyrics(), metric), cell(evaluation.combined(), metric)));
	}

	private static String cell(MetricIntervals model, Metric metric) {
		if (model == null) {
			return "(not trained)";
		}
		double value;
		double low;
		double high;
		if (metric == Metric.PRECISION_AT_K) {
			value = model.precisionAtK().value();
			low = model.precisionAtK().low();
			high = model.precisionAtK().high();
		}
		else {
			Interval interval = switch (metric) {
				case ROC_AUC -> model.rocAuc();
				case PR_AUC -> model.prAuc();
				case LOG_LOSS -> model.logLoss();
				case BRIER -> model.brier();
				default -> model.ece();
			};
			value = interval.value();
			low = interval.low();
			high = interval.high();
		}
		return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", value, low, high);
	}
}
