package dev.hitter.models.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;

/**
 * Records an evaluation in a model-set version folder: {@code evaluation.json}, the two pictures, and the
 * evaluation section of both cards. The trainer does it for the test split at the end of training, and
 * {@code ./hitter evaluate} for a chosen set later.
 */
public final class EvaluationFiles {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EvaluationFiles() {
	}

	/**
	 * @param versionDir the version folder (or the folder a trainer is building it in)
	 * @param title the pictures' title, e.g. {@code POP v20261127-204800}
	 * @param method the bootstrap in one sentence ({@link Evaluator.Settings#describe})
	 * @param scoredBy which runtime scored the songs
	 */
	public static void record(ModelSetLayout layout, Path versionDir, Evaluation evaluation, HeldOutScores scores,
			String title, String method, String scoredBy) throws IOException {
		EvaluationCharts.write(versionDir, scores, evaluation, title);
		List<String> pictures = List.of(Evaluation.ROC_PICTURE, Evaluation.RELIABILITY_PICTURE);
		for (ModelKind kind : ModelKind.values()) {
			Path file = layout.card(versionDir, kind);
			ModelCard card = ModelFiles.readCard(file);
			MetricIntervals model = kind == ModelKind.AUDIO ? evaluation.audio() : evaluation.lyrics();
			ModelFiles.write(file, card.withEvaluation(new ModelCard.HeldOutEvaluation(evaluation.evaluatedAt(),
					evaluation.on(), evaluation.songs(), evaluation.positives(), model, evaluation.combined(),
					evaluation.passed(), evaluation.reasons(), method, scoredBy, pictures)));
		}
		// Last: promotion reads this file, so it appears only once the cards and pictures agree with it.
		ModelFiles.write(versionDir.resolve(Evaluation.FILE), evaluation);
	}

	/** The version's evaluation, if it has one. */
	public static Evaluation read(Path versionDir) throws IOException {
		Path file = versionDir.resolve(Evaluation.FILE);
		try {
			return JSON.readValue(Files.readString(file), Evaluation.class);
		}
		catch (JacksonException ex) {
			throw new IOException(file + " is not a valid evaluation: " + ex.getOriginalMessage(), ex);
		}
	}
}
