package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.models.Genre;

/** A member's data archive holds all their analyses with their explanations and their likes — and nobody else's. */
class MemberDataExportTest extends CommunityApiTestBase {

	@Autowired
	MemberDataExport export;

	@Test
	void holdsEveryAnalysisOfTheMemberInBatchesAndTheirLikes() throws Exception {
		UUID member = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		// More than one batch of 200.
		for (int i = 0; i < 205; i++) {
			stored(member, Genre.BALLAD, 0.3 + i / 1000.0, false);
		}
		UUID theirs = stored(other, Genre.POP, 0.9, true);
		mvc.perform(put(path(theirs) + "/like").with(member(member))).andExpect(status().isNoContent());

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(member, out);
		String document = out.toString(StandardCharsets.UTF_8);

		List<String> ids = JsonPath.read(document, "$.analyses[*].id");
		assertThat(ids).hasSize(205).doesNotHaveDuplicates().doesNotContain(theirs.toString());
		assertThat(JsonPath.<List<Object>>read(document, "$.analyses[0].explanation.audio.topSegments")).isNotNull();
		assertThat(JsonPath.<List<String>>read(document, "$.likes[*].predictionId")).containsExactly(theirs.toString());
		assertThat(JsonPath.<String>read(document, "$.memberId")).isEqualTo(member.toString());
	}
}
