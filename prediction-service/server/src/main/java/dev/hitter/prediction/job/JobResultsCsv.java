package dev.hitter.prediction.job;

import static dev.hitter.prediction.csv.SpreadsheetCsv.cell;
import static dev.hitter.prediction.csv.SpreadsheetCsv.flag;
import static dev.hitter.prediction.csv.SpreadsheetCsv.number;

import java.util.List;

import dev.hitter.prediction.csv.SpreadsheetCsv;

/**
 * A job's results as CSV for spreadsheets (see {@link SpreadsheetCsv} for the encoding and why formulas are
 * defused). New columns go at the end, so that partner tools reading columns by position keep working.
 */
final class JobResultsCsv {

	static final String HEADER = "position,file,title,artist,genre,state,hit_probability,audio_probability,"
			+ "lyrics_probability,model_set_version,prediction_id,problem_type,problem_detail,demonstration";

	private JobResultsCsv() {
	}

	static String write(List<JobStore.ItemRow> items) {
		StringBuilder csv = new StringBuilder(SpreadsheetCsv.BYTE_ORDER_MARK).append(HEADER).append("\r\n");
		for (JobStore.ItemRow item : items) {
			csv.append(SpreadsheetCsv.row(List.of(Integer.toString(item.position()), cell(item.fileName()),
					cell(item.title()), cell(item.artist()), item.genre().name(), item.state().name(),
					number(item.hitProbability()), number(item.audioProbability()), number(item.lyricsProbability()),
					cell(item.modelSetVersion()), item.predictionId() == null ? "" : item.predictionId().toString(),
					cell(item.problemType()), cell(item.problemDetail()), flag(item.demonstration()))));
		}
		return csv.toString();
	}
}
