package dev.hitter.trainer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Bad input met while reading a dataset, counted by kind: an import reports it and goes on, it never stops on one
 * bad song. Only the first {@value #EXAMPLES_PER_KIND} messages of each kind are kept, so a catalogue with a
 * million broken files still reads in bounded memory. Safe to fill from several threads (mel validation).
 */
public final class InputProblems {

	static final int EXAMPLES_PER_KIND = 20;

	/** What was wrong; the text is how a summary names it. */
	public enum Kind {
		MISSING_MEL("mel file missing"), TRUNCATED_MEL("mel file truncated"), WRONG_SHAPE_MEL("mel not 48 × n"),
		UNREADABLE_MEL("mel not a readable .npy"), NON_FINITE_MEL("mel with non-finite values"),
		NO_GENRE("song without genre"), NO_DATE("song without release date"),
		DUPLICATE_ID("duplicate id"), BROKEN_ROW("broken row"),
		BROKEN_JSON("malformed JSON (the rest of that file is unread)"),
		UNKNOWN_PLAYLIST_SONG("playlist entry naming no known song"), MISSING_FIELD("row missing a required field"),
		BAD_GENRE("unknown genre"), BAD_LABEL("bad label or popularity"), BAD_SPLIT("unknown split"),
		BAD_DATE("unreadable release date"), MISSING_FILE("file not found"), BAD_AUDIO("audio not decodable");

		private final String text;

		Kind(String text) {
			this.text = text;
		}

		public String text() {
			return text;
		}
	}

	private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);

	private final List<String> examples = new ArrayList<>();

	public synchronized void add(Kind kind, String message) {
		int count = counts.merge(kind, 1, Integer::sum);
		if (message != null && count <= EXAMPLES_PER_KIND) {
			examples.add(message);
		}
	}

	public synchronized int count(Kind kind) {
		return counts.getOrDefault(kind, 0);
	}

	public synchronized int total() {
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Counts of the kinds that occurred, in the kinds' order. */
	public synchronized Map<Kind, Integer> counts() {
		return Collections.unmodifiableMap(new EnumMap<>(counts));
	}

	/** The kept messages, in the order met (at most {@value #EXAMPLES_PER_KIND} per kind). */
	public synchronized List<String> examples() {
		return List.copyOf(examples);
	}

	/** For example {@code "3 mel file missing, 1 duplicate id"}, or {@code "none"}. */
	public synchronized String summary() {
		if (counts.isEmpty()) {
			return "none";
		}
		StringJoiner joiner = new StringJoiner(", ");
		counts.forEach((kind, count) -> joiner.add(count + " " + kind.text()));
		return joiner.toString();
	}
}
