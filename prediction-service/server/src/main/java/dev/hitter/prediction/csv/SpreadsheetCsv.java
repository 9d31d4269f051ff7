package dev.hitter.prediction.csv;

import java.util.List;
import java.util.Locale;

/**
 * CSV files that members open in a spreadsheet (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs
 * read Korean titles right): a batch job's results and a member's export of their analyses. Cells that a
 * spreadsheet would run as a formula are quoted with a leading apostrophe: titles come from uploads and members and
 * must not become formulas on an A&amp;R desk. Spreadsheets in many locales split on {@code ;} (or a tab) and ignore
 * our quotes, so a formula after a semicolon, a tab or a line break inside a cell is defused the same way.
 */
public final class SpreadsheetCsv {

	/** Starts every file: without it spreadsheet programs guess a legacy encoding and garble Korean. */
	public static final String BYTE_ORDER_MARK = "\uFEFF";

	/** What a spreadsheet would run as a formula when a cell starts with it. */
	private static final String FORMULA_START = "=+-@";

	/** Where another reader of the file may start a new cell: a semicolon, a tab, a line break. */
	private static final String OTHER_SEPARATORS = ";\t\r\n";

	private SpreadsheetCsv() {
	}

	/** One record: cells already made with {@link #cell}, {@link #number} or {@link #flag}, then CRLF. */
	public static String row(List<String> cells) {
		return String.join(",", cells) + "\r\n";
	}

	/** A text cell, defused and quoted as needed; empty for null. */
	public static String cell(String value) {
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

	/** A probability or percentage with six decimals and a point in every locale; empty for null. */
	public static String number(Double value) {
		return value == null ? "" : String.format(Locale.ROOT, "%.6f", value);
	}

	/** {@code true} or {@code false}; empty for null (unknown). */
	public static String flag(Boolean value) {
		return value == null ? "" : value.toString();
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
