package dev.hitter.models.evaluation;

/**
 * One model's (audio, lyrics or combined) metrics on an evaluation set, each with its 95 % bootstrap interval.
 *
 * @param rocAuc how well it ranks hits above non-hits (0.5 is chance)
 * @param prAuc average precision (the area under the precision–recall curve; chance is the hit rate)
 * @param logLoss mean negative log-likelihood in nats (lower is better)
 * @param brier mean squared error of the probability (lower is better; 0.25 is a constant 0.5)
 * @param ece expected calibration error over 10 equal-width bins (lower is better)
 * @param precisionAtK the hit rate among the top k
 */
public record MetricIntervals(Interval rocAuc, Interval prAuc, Interval logLoss, Interval brier, Interval ece,
		PrecisionAtK precisionAtK) {
}
