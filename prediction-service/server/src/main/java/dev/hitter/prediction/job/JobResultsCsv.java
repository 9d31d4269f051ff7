package dev.hitter.prediction.job;

import static dev.hitter.prediction.csv.SpreadsheetCsv.cell;
import static dev.hitter.prediction.csv.SpreadsheetCsv.flag;
import static dev.hitter.prediction.csv.SpreadsheetCsv.number;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hitter.prediction.analysis.Explanation;
import dev.hitter.prediction.csv.SpreadsheetCsv;

/**
 * A job's results as CSV for spreadsheets (see {@link SpreadsheetCsv} for the encoding and why formulas are
 * defused). New columns go at the end, so that partner tools reading columns by position keep working.
 */
final class JobResultsCsv {

	static final String HEADER = "position,file,title,artist,genre,state,hit_probability,audio_probability,"
			+ "lyrics_probability,model_set_version,prediction_id,problem_type,problem_detail,demonstration,logit,"
			+ "logit_bias,logit_audio,logit_words,logit_unknown_words,logit_residual";

	private JobResultsCsv() {
	}

	/**
	 * @param logits the combined logit and its parts of each item's analysis, by prediction id: the same currency
	 *        as the result page's contributions and the history export's {@code logit…} columns; an item whose
	 *        analysis is missing (failed, deleted since) gets empty cells
	 */
	static String write(List<JobStore.ItemRow> items, Map<UUID, Explanation.Logit> logits) {
		StringBuilder csv = new StringBuilder(SpreadsheetCsv.BYTE_ORDER_MARK).append(HEADER).append("\r\n");
		for (JobStore.ItemRow item : items) {
			List<String> cells = new ArrayList<>(List.of(Integer.toString(item.position()), cell(item.fileName()),
					cell(item.title()), cell(item.artist()), item.genre().name(), item.state().name(),
					number(item.hitProbability()), number(item.audioProbability()), number(item.lyricsProbability()),
					cell(item.modelSetVersion()), item.predictionId() == null ? "" : item.predictionId().toString(),
					cell(item.problemType()), cell(item.problemDetail()), flag(item.demonstration())));
			Explanation.Logit logit = item.predictionId() == null ? null : logits.get(item.predictionId());
			cells.addAll(logit == null ? Collections.nCopies(6, "")
					: List.of(number(logit.value()), number(logit.bias()), number(logit.audio()), number(logit.words()),
							number(logit.unknownWords()), number(logit.residual())));
			csv.append(SpreadsheetCsv.row(cells));
		}
		return csv.toString();
	}
}
