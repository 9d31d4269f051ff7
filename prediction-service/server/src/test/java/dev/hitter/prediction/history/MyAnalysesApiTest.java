package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.kit.security.Member;
import dev.hitter.kit.security.Role;
import dev.hitter.models.Genre;

/**
 * A member's own analyses: the list (which answers came from a demonstration model, sorted by any column the table
 * shows) and its CSV export.
 */
class MyAnalysesApiTest extends CommunityApiTestBase {

	static final String EXPORT = BASE + "/export.csv";

	final UUID alice = UUID.randomUUID();

	final UUID bob = UUID.randomUUID();

	@Autowired
	Predictions analyses;

	@Test
	void myListSaysWhichAnswersADemonstrationModelGave() throws Exception {
		stored(alice, Genre.POP, 0.5, false, "Older, real", false);
		stored(alice, Genre.POP, 0.6, false, "Newer, synthetic", true);

		mvc.perform(get(BASE).with(member(alice)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].title").value(Matchers.contains("Newer, synthetic", "Older, real")))
			.andExpect(jsonPath("$.items[*].demonstration").value(Matchers.contains(true, false)));
	}

	@Test
	void sortsMyListByTitleEitherWay() throws Exception {
		stored(alice, Genre.POP, 0.5, false, "banana", true);
		stored(alice, Genre.POP, 0.5, false, "Apple", true);
		stored(alice, Genre.POP, 0.5, false, "cherry", true);

		mvc.perform(get(BASE).param("sort", "title,asc").with(member(alice)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].title").value(Matchers.contains("Apple", "banana", "cherry")));
		mvc.perform(get(BASE).param("sort", "title,desc").with(member(alice)))
			.andExpect(jsonPath("$.items[*].title").value(Matchers.contains("cherry", "banana", "Apple")));
	}

	@Test
	void sortsMyListByGenreNameThenNewestFirstWithinAGenre() throws Exception {
		stored(alice, Genre.POP, 0.5, false, "pop", true);
		stored(alice, Genre.DANCE, 0.5, false, "dance", true);
		stored(alice, Genre.BALLAD, 0.5, false, "ballad 1", true);
		stored(alice, Genre.BALLAD, 0.5, false, "ballad 2", true);

		mvc.perform(get(BASE).param("sort", "genre,asc").with(member(alice)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].genre").value(Matchers.contains("BALLAD", "BALLAD", "DANCE", "POP")))
			.andExpect(jsonPath("$.items[*].title").value(Matchers.contains("ballad 2", "ballad 1", "dance", "pop")));
		mvc.perform(get(BASE).param("sort", "genre,desc").with(member(alice)))
			.andExpect(jsonPath("$.items[*].genre").value(Matchers.contains("POP", "DANCE", "BALLAD", "BALLAD")));
	}

	@Test
	void refusesAnyOtherSortNamingEverySortableColumn() throws Exception {
		for (String sort : List.of("likes", "title,sideways", "memberId,asc", "title,asc,desc")) {
			mvc.perform(get(BASE).param("sort", sort).with(member(alice)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
				.andExpect(jsonPath("$.errors[0].field").value("sort"))
				.andExpect(jsonPath("$.errors[0].detail")
					.value("must be createdAt, hitProbability, title or genre, then ,asc or ,desc"));
		}
	}

	@Test
	void exportsOnlyMyOwnAnalysesNewestFirstAsAnAttachment() throws Exception {
		UUID older = stored(alice, Genre.BALLAD, 0.25, true, "First, take", false);
		UUID newer = stored(alice, Genre.POP, 0.75, false, "두 번째", true);
		UUID bobs = stored(bob, Genre.POP, 0.5, true, "Bob's shared song", true);

		String csv = export(alice);

		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFF" + PredictionsCsv.HEADER);
		assertThat(PredictionsCsv.HEADER).isEqualTo("id,title,artist,genre,createdAt,hitProbability,audioScore,"
				+ "lyricsScore,genrePercentile,shared,demonstration,modelAudio,modelLyrics,logit,logitBias,logitAudio,"
				+ "logitWords,logitUnknownWords,logitResidual");
		assertThat(lines).hasSize(3);
		Map<String, Object> explained = JsonPath.read(read(path(newer), alice), "$.model");
		String audioModel = JsonPath.read(explained, "$.audio.modelId");
		String lyricsModel = JsonPath.read(explained, "$.lyrics.modelId");
		assertThat(lines.get(1)).startsWith(newer + ",두 번째,Artist,POP,2026-11-01T10:00:02Z,0.750000,0.750000,0.750000,,"
				+ "false,true," + audioModel + "," + lyricsModel + ",");
		// The kept explanation's combined logit and its parts, which add up to it.
		double[] logit = java.util.Arrays.stream(lines.get(1).split(",")).skip(13).mapToDouble(Double::parseDouble)
			.toArray();
		assertThat(logit).hasSize(6);
		assertThat(logit[1] + logit[2] + logit[3] + logit[4] + logit[5]).isCloseTo(logit[0], within(1e-5));
		assertThat(lines.get(2)).startsWith(older + ",\"First, take\",Artist,BALLAD,2026-11-01T10:00:01Z,0.250000,")
			.contains(",true,false,");
		assertThat(csv).doesNotContain(bobs.toString()).doesNotContain("Bob's shared song");
		assertThat(export(bob).lines()).hasSize(2);
	}

	@Test
	void exportBatchesFollowOneAnotherWithoutRepeatOrGapWhenAnalysesShareATime() {
		Instant same = Instant.parse("2026-11-02T08:00:00Z");
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			// Two by two at the same microsecond: the id alone orders them, also across a batch's end.
			ids.add(storedAt(alice, same.minusSeconds(i / 2), "take " + i));
		}
		stored(bob, Genre.POP, 0.5, false, "Bob's", true);
		Member me = new Member(alice, null, null, Set.of(Role.MEMBER));

		List<UUID> exported = new ArrayList<>();
		PredictionsCsv.Row last = null;
		List<PredictionsCsv.Row> batch;
		do {
			batch = analyses.exportMine(me, last, 2);
			batch.forEach(row -> exported.add(row.id()));
			last = batch.isEmpty() ? null : batch.get(batch.size() - 1);
		}
		while (batch.size() == 2);

		assertThat(exported).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
		assertThat(exported.stream().map(id -> predictions.findById(id).orElseThrow().createdAt()).toList())
			.isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void defusesAHostileTitleInTheExport() throws Exception {
		stored(alice, Genre.DANCE, 0.5, false, "=HYPERLINK(\"http://evil\",\"click\")", true);
		stored(alice, Genre.DANCE, 0.4, false, "Fine;@SUM(A1)", true);

		List<String> lines = export(alice).lines().toList();

		assertThat(lines.get(1)).contains(",\"Fine;'@SUM(A1)\",");
		assertThat(lines.get(2)).contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",");
		assertThat(lines.subList(1, 3)).allSatisfy(line -> assertThat(line.split(",", -1)[1]).doesNotStartWith("="));
	}

	@Test
	void anEmptyHistoryExportsTheHeaderAlone() throws Exception {
		assertThat(export(alice).lines().toList()).containsExactly("\uFEFF" + PredictionsCsv.HEADER);
	}

	@Test
	void theExportNeedsAToken() throws Exception {
		mvc.perform(get(EXPORT)).andExpect(status().isUnauthorized());
		mvc.perform(post(EXPORT).with(member(alice))).andExpect(status().isMethodNotAllowed());
	}

	@Test
	@SuppressWarnings("unchecked")
	void documentsTheExportAndTheListAsMemberOnlyWithTheirProblems() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		Map<String, Object> export = JsonPath.read(docs, "$.paths['" + EXPORT + "'].get");
		assertThat(export.get("summary")).isEqualTo("Export my analyses as CSV");
		assertThat((List<Object>) export.get("tags")).containsExactly("Predictions");
		// A member's token; a partner client's too where a client-scope rule grants it (docs/api-contract.md).
		assertThat((List<Object>) export.get("security")).startsWith(Map.of("bearer", List.of()));
		assertThat((Map<String, Object>) export.get("responses")).containsKeys("200", "401");
		assertThat(JsonPath.<Map<String, Object>>read(docs, "$.paths['" + EXPORT + "'].get.responses['200'].content"))
			.containsOnlyKeys("text/csv");
		Map<String, Object> mine = JsonPath.read(docs, "$.paths['" + BASE + "'].get");
		assertThat((Map<String, Object>) mine.get("responses")).containsKeys("200", "400", "401");
		assertThat(JsonPath.<String>read(docs, "$.components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
		assertThat(JsonPath.<Map<String, Object>>read(docs, "$.components.schemas.PredictionSummary.properties"))
			.containsKey("demonstration");
	}

	private String export(UUID member) throws Exception {
		byte[] body = mvc.perform(get(EXPORT).with(member(member)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"hitter-analyses.csv\""))
			.andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return new String(body, StandardCharsets.UTF_8);
	}
}
