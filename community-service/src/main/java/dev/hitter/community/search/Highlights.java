package dev.hitter.community.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The matching parts of a title and an excerpt, wrapped in {@value #START} … {@value #END} markers — not HTML: the
 * web app turns the markers into elements itself, so nothing a member wrote can ever become markup. Stored text
 * never holds these two control characters (they are stripped on the way in).
 */
public record Highlights(String title, String excerpt) {

	public static final char START = '\u0001';

	public static final char END = '\u0002';

	/** How much of the body a search excerpt shows around the first match. */
	static final int EXCERPT_LENGTH = 180;

	private static final int LEAD = 40;

	/** The title and the stretch of the body around its first match, each with every match marked. */
	public static Highlights of(SearchText analysis, List<Set<String>> words, String title, String body) {
		String markedTitle = mark(title, spans(analysis, words, title));
		List<int[]> bodySpans = spans(analysis, words, body);
		int from = bodySpans.isEmpty() ? 0 : Math.max(0, bodySpans.get(0)[0] - LEAD);
		int to = Math.min(body.length(), from + EXCERPT_LENGTH);
		// Never cut a surrogate pair in half.
		if (from > 0 && Character.isLowSurrogate(body.charAt(from))) {
			from--;
		}
		if (to < body.length() && Character.isLowSurrogate(body.charAt(to))) {
			to++;
		}
		List<int[]> inWindow = new ArrayList<>();
		for (int[] span : bodySpans) {
			if (span[0] >= from && span[1] <= to) {
				inWindow.add(new int[] { span[0] - from, span[1] - from });
			}
		}
		String excerpt = mark(body.substring(from, to), inWindow);
		return new Highlights(markedTitle, (from > 0 ? "…" : "") + excerpt + (to < body.length() ? "…" : ""));
	}

	/**
	 * The stretches of the text that hold a whole query word. A word is the set of terms of one connected run of
	 * query tokens (히트곡 → 히트 + 곡): a run of the text's tokens is marked only where it holds every term of some
	 * word, so searching 히트곡 marks 히트곡을 but not a lone 곡 elsewhere, while searching 곡 marks every 곡.
	 */
	static List<int[]> spans(SearchText analysis, List<Set<String>> words, String text) {
		List<int[]> spans = new ArrayList<>();
		for (List<SearchText.Token> run : SearchText.runs(analysis.tokens(text))) {
			Set<String> present = new HashSet<>();
			run.forEach(token -> present.add(token.term()));
			Set<String> wanted = new HashSet<>();
			for (Set<String> word : words) {
				if (present.containsAll(word)) {
					wanted.addAll(word);
				}
			}
			for (SearchText.Token token : run) {
				if (!wanted.contains(token.term())) {
					continue;
				}
				int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
				if (last != null && token.start() <= last[1]) {
					last[1] = Math.max(last[1], token.end());
				}
				else {
					spans.add(new int[] { token.start(), token.end() });
				}
			}
		}
		return spans;
	}

	static String mark(String text, List<int[]> spans) {
		StringBuilder marked = new StringBuilder(text.length() + spans.size() * 2);
		int at = 0;
		for (int[] span : spans) {
			marked.append(text, at, span[0]).append(START).append(text, span[0], span[1]).append(END);
			at = span[1];
		}
		return marked.append(text, at, text.length()).toString();
	}
}
