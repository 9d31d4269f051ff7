package dev.hitter.prediction.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * No cell of a CSV for spreadsheets (job results, the analyses export) can start a formula, whichever separator the
 * spreadsheet splits on: a comma (the file's own), a semicolon (the default in many European locales) or a tab.
 */
class SpreadsheetCsvFormulaTest {

	@Test
	void defusesAFormulaAtTheStartOfACell() {
		assertThat(SpreadsheetCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(SpreadsheetCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
	}

	@Test
	void defusesAFormulaAfterASemicolon() {
		String cell = SpreadsheetCsv.cell("Love song;=cmd|' /C calc'!A0");

		assertThat(pieces(cell, ";")).allSatisfy(piece -> assertThat(piece).doesNotMatch("^[=+\\-@].*"));
		assertThat(cell).contains(";'=cmd");
	}

	@Test
	void defusesAFormulaAfterATabOrALineBreak() {
		for (String separator : new String[] { "\t", "\n", "\r" }) {
			String cell = SpreadsheetCsv.cell("title" + separator + "+1+cmd|' /C calc'!A0");

			assertThat(cell).as("after %s", (int) separator.charAt(0)).contains(separator + "'+1+cmd");
		}
	}

	@Test
	void defusesAFormulaAfterSpacesFollowingASeparator() {
		assertThat(SpreadsheetCsv.cell("a;  -2+3;@x")).contains(";  '-2+3").contains(";'@x");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		assertThat(SpreadsheetCsv.cell("Dynamite")).isEqualTo("Dynamite");
		assertThat(SpreadsheetCsv.cell("사랑; 해")).isEqualTo("\"사랑; 해\"");
		assertThat(SpreadsheetCsv.cell("a-b=c")).isEqualTo("a-b=c");
	}

	/** What a spreadsheet that splits on {@code separator} (ignoring the quotes) would put in its cells. */
	private static String[] pieces(String cell, String separator) {
		String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
		return unquoted.split(separator, -1);
	}
}
