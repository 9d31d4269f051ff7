package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.hitter.models.Genre;
import dev.hitter.prediction.analysis.Explanation;

/** The export is written a batch at a time, each read after the last row written, and never past its cap. */
class PredictionsCsvTest {

	final List<PredictionsCsv.Row> all = IntStream.range(0, 7)
		.mapToObj(i -> new PredictionsCsv.Row(new UUID(0, i), "song " + i, null, Genre.POP,
				Instant.parse("2026-11-01T10:00:00Z").minusSeconds(i), 0.5, 0.25, 0.75, i == 6 ? null : 50.0, false,
				true, "pop-audio-v1", "pop-lyrics-v1",
				i == 0 ? new Explanation.Logit(0.25, -0.5, 0.5, 0.3, -0.05, 0.0000004) : null))
		.toList();

	final List<String> asked = new ArrayList<>();

	@Test
	void readsEachBatchAfterTheLastRowWrittenUntilOneComesBackShort() throws Exception {
		StringWriter out = new StringWriter();

		int written = PredictionsCsv.write(out, this::batch, 100, 3);

		assertThat(written).isEqualTo(7);
		assertThat(asked).containsExactly("after null, 3", "after song 2, 3", "after song 5, 3");
		List<String> lines = out.toString().lines().toList();
		assertThat(lines).hasSize(8);
		assertThat(lines.get(0)).isEqualTo("\uFEFF" + PredictionsCsv.HEADER);
		assertThat(lines.get(1)).isEqualTo("00000000-0000-0000-0000-000000000000,song 0,,POP,2026-11-01T10:00:00Z,"
				+ "0.500000,0.250000,0.750000,50.000000,false,true,pop-audio-v1,pop-lyrics-v1,"
				+ "0.250000,-0.500000,0.500000,0.300000,-0.050000,0.000000");
		assertThat(lines.get(7)).contains(",0.750000,,false,true,").endsWith(",pop-lyrics-v1,,,,,,");
		assertThat(out.toString()).contains("\r\n");
	}

	@Test
	void stopsAtTheCapWithoutReadingFurther() throws Exception {
		StringWriter out = new StringWriter();

		int written = PredictionsCsv.write(out, this::batch, 5, 3);

		assertThat(written).isEqualTo(5);
		assertThat(asked).containsExactly("after null, 3", "after song 2, 2");
		assertThat(out.toString().lines()).hasSize(6).last().asString().startsWith(new UUID(0, 4) + ",song 4,");
	}

	private List<PredictionsCsv.Row> batch(PredictionsCsv.Row last, int size) {
		asked.add("after " + (last == null ? "null" : last.title()) + ", " + size);
		int from = last == null ? 0 : all.indexOf(last) + 1;
		return all.subList(from, Math.min(all.size(), from + size));
	}
}
