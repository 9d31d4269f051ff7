package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import dev.hitter.models.Genre;
import dev.hitter.prediction.TestTracks;
import dev.hitter.prediction.member.MemberErasure;

/**
 * A deleted account's data leaves prediction-service whole — and only that member's: every table with a
 * {@code member_id} column is checked, so a table added later without a place in the erasure fails here.
 */
class MemberErasureTest extends CommunityApiTestBase {

	private static final byte[] TRACK = TestTracks.wav(40, 16_000, 1);

	@Autowired
	MemberErasure erasure;

	@Autowired
	JdbcClient jdbc;

	final UUID leaving = UUID.randomUUID();

	final UUID staying = UUID.randomUUID();

	@Test
	void deletesEveryRowOfTheMemberAndNothingOfAnyoneElse() throws Exception {
		UUID published = UUID.fromString(analyse(leaving, "POP"));
		mvc.perform(multipart(HttpMethod.PUT, path(published) + "/publication")
			.file(new MockMultipartFile("audio", "track.wav", "audio/wav", TRACK))
			.param("lyrics", PredictionApiTest.LYRICS)
			.with(member(leaving))).andExpect(status().isOk()).andExpect(jsonPath("$.publication.audio").value(true));
		UUID theirs = stored(staying, Genre.POP, 0.7, true);
		mvc.perform(put(path(theirs) + "/like").with(member(leaving))).andExpect(status().isNoContent());
		mvc.perform(put(path(published) + "/like").with(member(staying))).andExpect(status().isNoContent());
		stageJob(leaving);
		stageJob(staying);
		assertThat(rowsOf(leaving)).as("the member's data before").isNotEmpty();

		MemberErasure.Erased erased = erasure.erase(leaving);

		assertThat(erased.analyses()).isEqualTo(1);
		assertThat(erased.likes()).isEqualTo(1);
		assertThat(rowsOf(leaving)).as("tables still holding the member").isEmpty();
		assertThat(count("SELECT COUNT(*) FROM published_audio_chunk WHERE prediction_id = ?", published)).isZero();
		assertThat(count("SELECT COUNT(*) FROM prediction_spectrogram WHERE prediction_id = ?", published)).isZero();
		assertThat(count("SELECT COUNT(*) FROM prediction_like WHERE prediction_id = ?", published)).isZero();
		assertThat(count("SELECT COUNT(*) FROM prediction WHERE member_id = ?", staying)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM prediction_job WHERE member_id = ?", staying)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM prediction_job_audio a JOIN prediction_job_item i ON i.id = a.item_id"
				+ " WHERE i.member_id = ?", staying)).isEqualTo(1);

		assertThat(erasure.erase(leaving)).as("a second erasure").isEqualTo(new MemberErasure.Erased(0, 0, 0));
	}

	@Test
	void refusesEveryLaterWriteOfTheErasedMember() throws Exception {
		UUID theirs = stored(staying, Genre.POP, 0.6, true);
		erasure.erase(leaving);

		mvc.perform(put(path(theirs) + "/like").with(member(leaving)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/unauthorized"));
		mvc.perform(multipart(BASE)
			.file(new MockMultipartFile("audio", "track.wav", "audio/wav", TRACK))
			.param("genre", "POP")
			.param("lyrics", PredictionApiTest.LYRICS)
			.with(member(leaving))).andExpect(status().isUnauthorized());
		assertThat(rowsOf(leaving)).isEmpty();
	}

	@Test
	void onlyAuthServicesTokenErasesOrExportsThroughTheInternalEndpoints() throws Exception {
		UUID mine = stored(leaving, Genre.DANCE, 0.4, false);
		String erase = "/internal/v1/members/" + leaving + "/erase";
		String export = "/internal/v1/members/" + leaving + "/export";
		mvc.perform(post(erase).with(member(leaving))).andExpect(status().isForbidden());
		mvc.perform(post(erase).with(service("community-service"))).andExpect(status().isForbidden());
		mvc.perform(get(export).with(service("community-service"))).andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM prediction WHERE id = ?", mine)).isEqualTo(1);

		mvc.perform(get(export).with(service("auth-service")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.analyses[0].id").value(mine.toString()));
		mvc.perform(post(erase).with(service("auth-service")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.analyses").value(1));
		mvc.perform(post(erase).with(service("auth-service")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.analyses").value(0));
		assertThat(rowsOf(leaving)).isEmpty();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor service(String name) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt()
			.jwt(jwt -> jwt.subject("service:" + name)
				.audience(List.of("hitter-internal"))
				.claim("roles", List.of("SERVICE"))
				.claim("client_id", name))
			.authorities(List.of());
	}

	/** Every table of the schema with a member_id column that still has a row of the member (the tombstone aside). */
	private List<String> rowsOf(UUID member) {
		List<String> tables = jdbc.sql("""
				SELECT table_name FROM information_schema.columns
				WHERE table_schema = DATABASE() AND column_name = 'member_id' AND table_name <> 'erased_member'""")
			.query(String.class)
			.list();
		assertThat(tables).contains("prediction", "prediction_like", "prediction_job", "prediction_job_item",
				"prediction_job_member", "prediction_publication", "publication_quota_lock");
		return tables.stream()
			.filter(table -> count("SELECT COUNT(*) FROM " + table + " WHERE member_id = ?", member) > 0)
			.toList();
	}

	private long count(String sql, UUID id) {
		return jdbc.sql(sql).param(id.toString()).query(Long.class).single();
	}

	/** A waiting batch job with one item and its staged audio, as the submission stores it. */
	private void stageJob(UUID member) {
		UUID job = UUID.randomUUID();
		UUID item = UUID.randomUUID();
		jdbc.sql("INSERT IGNORE INTO prediction_job_member (member_id, created_at) VALUES (?, NOW(6))")
			.param(member.toString()).update();
		jdbc.sql("""
				INSERT INTO prediction_job (id, member_id, request_hash, state, total_items, created_at, webhook_state)
				VALUES (?, ?, 'test', 'RUNNING', 1, NOW(6), 'NONE')""").params(job.toString(), member.toString()).update();
		jdbc.sql("""
				INSERT INTO prediction_job_item (id, job_id, member_id, position, file_name, genre, audio_size, state,
				    available_at)
				VALUES (?, ?, ?, 0, 'a.wav', 'POP', 4, 'QUEUED', DATE_ADD(NOW(6), INTERVAL 1 DAY))""")
			.params(item.toString(), job.toString(), member.toString()).update();
		jdbc.sql("INSERT INTO prediction_job_audio (item_id, chunk, bytes) VALUES (?, 0, ?)")
			.params(item.toString(), new byte[] { 1, 2, 3, 4 }).update();
	}
}
