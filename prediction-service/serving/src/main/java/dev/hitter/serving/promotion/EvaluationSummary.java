package dev.hitter.serving.promotion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code ./hitter models} needs of a version's {@code evaluation.json} (written by {@code ./hitter evaluate} and
 * at the end of training): whether it passed, why not, and the figures shown side by side. Read as a tree and
 * leniently (a figure the file lacks is shown as missing), so that figures added to the file later break nothing.
 *
 * @param passed the evaluation's verdict (the combined ROC AUC interval lies above 0.5 and the run completed)
 * @param reasons why it did not pass (or remarks), as written
 * @param on what it was evaluated on, e.g. {@code test split}
 * @param songs songs evaluated, or null
 * @param combined combined ROC AUC
 * @param audio audio ROC AUC
 * @param lyrics lyrics ROC AUC (null: no lyrics model was evaluated)
 * @param ece combined expected calibration error
 */
public record EvaluationSummary(boolean passed, List<String> reasons, String on, Long songs, Interval combined,
		Interval audio, Interval lyrics, Interval ece) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A figure with its 95 % bootstrap interval. */
	public record Interval(double value, Double low, Double high) {

		@Override
		public String toString() {
			return low == null || high == null ? String.format("%.3f", value)
					: String.format("%.3f [%.3f, %.3f]", value, low, high);
		}
	}

	/**
	 * Reads the file.
	 *
	 * @throws IOException if it cannot be read, is not JSON, or has no {@code passed} verdict
	 */
	public static EvaluationSummary read(Path file) throws IOException {
		JsonNode root;
		try {
			root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (JacksonException ex) {
			throw new IOException(file + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.path("passed").isBoolean()) {
			throw new IOException(file + " has no passed: true|false verdict");
		}
		List<String> reasons = new ArrayList<>();
		for (JsonNode reason : root.path("reasons")) {
			reasons.add(reason.asString());
		}
		JsonNode songs = root.path("songs");
		return new EvaluationSummary(root.path("passed").booleanValue(), List.copyOf(reasons),
				root.path("on").isString() ? root.path("on").asString() : null,
				songs.isNumber() ? songs.longValue() : null, interval(root.path("combined").path("rocAuc")),
				interval(root.path("audio").path("rocAuc")), interval(root.path("lyrics").path("rocAuc")),
				interval(root.path("combined").path("ece")));
	}

	private static Interval interval(JsonNode node) {
		if (!node.path("value").isNumber()) {
			return null;
		}
		JsonNode low = node.path("low");
		JsonNode high = node.path("high");
		return new Interval(node.path("value").doubleValue(), low.isNumber() ? low.doubleValue() : null,
				high.isNumber() ? high.doubleValue() : null);
	}
}
