package dev.hitter.trainer.training;

import java.nio.file.Path;

import dev.hitter.models.BinaryMetrics;
import dev.hitter.models.Combination;
import dev.hitter.models.ModelCard;
import dev.hitter.models.evaluation.Evaluation;

/**
 * A model-set version the trainer has written: its folder, both cards, the combination and the combined
 * (audio + lyrics) metrics on the two held-out splits, and the test split's evaluation with bootstrap intervals.
 */
public record TrainedVersion(Path folder, String version, ModelCard audio, ModelCard lyrics, Combination combination,
		BinaryMetrics combinedValidation, BinaryMetrics combinedTest, Evaluation evaluation) {
}
