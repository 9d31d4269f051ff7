package dev.hitter.prediction.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * No cell of the results CSV can start a formula in a spreadsheet, whichever separator the spreadsheet splits on:
 * a comma (the file's own), a semicolon (the default in many European locales) or a tab.
 */
class JobResultsCsvFormulaTest {

	@Test
	void defusesAFormulaAtTheStartOfACell() {
		assertThat(JobResultsCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(JobResultsCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
	}

	@Test
	void defusesAFormulaAfterASemicolon() {
		String cell = JobResultsCsv.cell("Love song;=cmd|' /C calc'!A0");

		assertThat(pieces(cell, ";")).allSatisfy(piece -> assertThat(piece).doesNotMatch("^[=+\\-@].*"));
		assertThat(cell).contains(";'=cmd");
	}

	@Test
	void defusesAFormulaAfterATabOrALineBreak() {
		for (String separator : new String[] { "\t", "\n", "\r" }) {
			String cell = JobResultsCsv.cell("title" + separator + "+1+cmd|' /C calc'!A0");

			assertThat(cell).as("after %s", (int) separator.charAt(0)).contains(separator + "'+1+cmd");
		}
	}

	@Test
	void defusesAFormulaAfterSpacesFollowingASeparator() {
		assertThat(JobResultsCsv.cell("a;  -2+3;@x")).contains(";  '-2+3").contains(";'@x");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		assertThat(JobResultsCsv.cell("Dynamite")).isEqualTo("Dynamite");
		assertThat(JobResultsCsv.cell("사랑; 해")).isEqualTo("\"사랑; 해\"");
		assertThat(JobResultsCsv.cell("a-b=c")).isEqualTo("a-b=c");
	}

	/** What a spreadsheet that splits on {@code separator} (ignoring the quotes) would put in its cells. */
	private static String[] pieces(String cell, String separator) {
		String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
		return unquoted.split(separator, -1);
	}
}
