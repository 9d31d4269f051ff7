package dev.hitter.prediction.job;

import java.util.List;
import java.util.Locale;

/**
 * A job's results as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read Korean titles
 * right). Cells that a spreadsheet would run as a formula are quoted with a leading apostrophe: titles come from
 * uploaded files and must not become formulas on an A&amp;R desk. Spreadsheets in many locales split on {@code ;}
 * (or a tab) and ignore our quotes, so a formula after a semicolon, a tab or a line break inside a cell is defused
 * the same way.
 */
final class JobResultsCsv {

	static final String HEADER = "position,file,title,artist,genre,state,hit_probability,audio_probability,"
			+ "lyrics_probability,model_set_version,prediction_id,problem_type,problem_detail";

	private JobResultsCsv() {
	}

	static String write(List<JobStore.ItemRow> items) {
		StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
		for (JobStore.ItemRow item : items) {
			List<String> cells = List.of(Integer.toString(item.position()), cell(item.fileName()), cell(item.title()),
					cell(item.artist()), item.genre().name(), item.state().name(), number(item.hitProbability()),
					number(item.audioProbability()), number(item.lyricsProbability()), cell(item.modelSetVersion()),
					item.predictionId() == null ? "" : item.predictionId().toString(), cell(item.problemType()),
					cell(item.problemDetail()));
			csv.append(String.join(",", cells)).append("\r\n");
		}
		return csv.toString();
	}

	private static String number(Double value) {
		return value == null ? "" : String.format(Locale.ROOT, "%.6f", value);
	}

	/** What a spreadsheet would run as a formula when a cell starts with it. */
	private static final String FORMULA_START = "=+-@";

	/** Where another reader of the file may start a new cell: a semicolon, a tab, a line break. */
	private static final String OTHER_SEPARATORS = ";\t\r\n";

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = defuse(value);
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
				|| text.indexOf(';') >= 0 || text.indexOf('\t') >= 0 || text.startsWith("'")) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	/** An apostrophe before a formula at the cell's start, and after each separator (and the spaces after it). */
	private static String defuse(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2);
		if ((FORMULA_START + "\t\r").indexOf(value.charAt(0)) >= 0) {
			out.append('\'');
		}
		boolean afterSeparator = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (afterSeparator && FORMULA_START.indexOf(c) >= 0) {
				out.append('\'');
			}
			if (OTHER_SEPARATORS.indexOf(c) >= 0) {
				afterSeparator = true;
			}
			else if (c != ' ') {
				afterSeparator = false;
			}
			out.append(c);
		}
		return out.toString();
	}
}
