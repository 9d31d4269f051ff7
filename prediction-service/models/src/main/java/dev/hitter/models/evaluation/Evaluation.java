package dev.hitter.models.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * What {@code ./hitter evaluate} and the trainer write as {@code evaluation.json} in a model-set version folder,
 * and what promotion reads: the set it was evaluated on and each model's metrics with 95 % bootstrap intervals.
 * The shape is a contract with the promotion command: add nothing here without telling it.
 *
 * @param evaluatedAt when
 * @param on {@code test split} or {@code manifest <file>}
 * @param songs songs evaluated
 * @param positives of which hits
 * @param audio the audio model's calibrated probabilities
 * @param lyrics the lyrics model's calibrated probabilities, or null when it was not trained
 * @param combined the combined probabilities, as the server answers
 * @param passed the combined ROC AUC's interval lies above 0.5 (better than chance with 95 % confidence)
 * @param reasons why it passed or not, in plain words
 */
public record Evaluation(Instant evaluatedAt, String on, int songs, int positives, MetricIntervals audio,
		MetricIntervals lyrics, MetricIntervals combined, boolean passed, List<String> reasons) {

	/** The file's name in the version folder. */
	public static final String FILE = "evaluation.json";

	/** The ROC curves' picture in the version folder. */
	public static final String ROC_PICTURE = "roc.png";

	/** The reliability diagram's picture in the version folder. */
	public static final String RELIABILITY_PICTURE = "reliability.png";

	/** {@code on} for the held-out test split recorded with the model. */
	public static final String TEST_SPLIT = "test split";

	public Evaluation {
		reasons = List.copyOf(reasons);
	}

	/** {@code on} for a manifest. */
	public static String onManifest(String file) {
		return "manifest " + file;
	}
}
