package dev.hitter.prediction.history;

import static dev.hitter.prediction.csv.SpreadsheetCsv.cell;
import static dev.hitter.prediction.csv.SpreadsheetCsv.number;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.hitter.models.Genre;
import dev.hitter.prediction.analysis.Explanation;
import dev.hitter.prediction.csv.SpreadsheetCsv;

/**
 * A member's export of their own analyses, one row per analysis (see {@link SpreadsheetCsv} for the encoding and
 * why formulas in titles are defused). Column names are the JSON names of the list and the prediction; new columns go
 * at the end, so that spreadsheets reading columns by position keep working.
 *
 * <p>The {@code logit…} columns are the prediction's {@code logit}: the combined, calibrated logit and its parts, in
 * the one currency the result page's contributions are in; empty for analyses kept before it was recorded.
 */
public final class PredictionsCsv {

	public static final String HEADER = "id,title,artist,genre,createdAt,hitProbability,audioScore,lyricsScore,"
			+ "genrePercentile,shared,demonstration,modelAudio,modelLyrics,logit,logitBias,logitAudio,logitWords,"
			+ "logitUnknownWords,logitResidual";

	/** The most rows one export holds (the newest); a member with more gets {@code X-Export-Truncated: true}. */
	public static final int MAX_ROWS = 10_000;

	/** Rows read from the database at a time while the export is written. */
	static final int BATCH = 200;

	private PredictionsCsv() {
	}

	/**
	 * One analysis as exported.
	 *
	 * @param genrePercentile null for the genre's first analysis
	 * @param demonstration whether either model that answered was a demonstration model
	 * @param modelAudio the audio model's id, as {@code model.audio.modelId} in the prediction
	 * @param logit the combined logit and its parts, as {@code logit} in the prediction; null for older analyses
	 */
	public record Row(UUID id, String title, String artist, Genre genre, Instant createdAt, double hitProbability,
			double audioScore, double lyricsScore, Double genrePercentile, boolean shared, boolean demonstration,
			String modelAudio, String modelLyrics, Explanation.Logit logit) {
	}

	/** Reads the rows after a row (null: from the first), at most {@code size}, in export order. */
	@FunctionalInterface
	interface Batches {

		List<Row> after(Row last, int size);
	}

	/**
	 * Writes the header, then the rows a batch at a time (each batch flushed before the next is read), at most
	 * {@code maxRows}.
	 *
	 * @return the rows written
	 */
	static int write(Writer out, Batches batches, int maxRows, int batchSize) throws IOException {
		out.write(SpreadsheetCsv.BYTE_ORDER_MARK + HEADER + "\r\n");
		Row last = null;
		int written = 0;
		while (written < maxRows) {
			int wanted = Math.min(batchSize, maxRows - written);
			List<Row> batch = batches.after(last, wanted);
			for (Row row : batch) {
				out.write(line(row));
			}
			out.flush();
			written += batch.size();
			if (batch.size() < wanted) {
				break;
			}
			last = batch.get(batch.size() - 1);
		}
		return written;
	}

	static String line(Row row) {
		return SpreadsheetCsv.row(List.of(row.id().toString(), cell(row.title()), cell(row.artist()),
				row.genre().name(), row.createdAt().toString(), number(row.hitProbability()), number(row.audioScore()),
				number(row.lyricsScore()), number(row.genrePercentile()), Boolean.toString(row.shared()),
				Boolean.toString(row.demonstration()), cell(row.modelAudio()), cell(row.modelLyrics()),
				number(row.logit() == null ? null : row.logit().value()),
				number(row.logit() == null ? null : row.logit().bias()),
				number(row.logit() == null ? null : row.logit().audio()),
				number(row.logit() == null ? null : row.logit().words()),
				number(row.logit() == null ? null : row.logit().unknownWords()),
				number(row.logit() == null ? null : row.logit().residual())));
	}
}
