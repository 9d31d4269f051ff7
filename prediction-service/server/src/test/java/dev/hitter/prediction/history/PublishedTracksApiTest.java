package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.models.Genre;
import dev.hitter.prediction.TestTracks;

/**
 * Publishing an analysed track's audio and lyrics, and listening to it, against the real database: only the very
 * file that was analysed is accepted, ranges answer as HTTP says, and nothing published outlives its sharing. The
 * quota is small here (2 MB) so that a second 1.3 MB track passes it.
 */
@SpringBootTest(properties = "hitter.prediction.publication.quota-per-member=2MB")
class PublishedTracksApiTest extends CommunityApiTestBase {

	private static final byte[] TRACK = TestTracks.wav(40, 16_000, 1);

	final UUID owner = UUID.randomUUID();

	final UUID listener = UUID.randomUUID();

	@Autowired
	JdbcClient jdbc;

	@Test
	void publishesTheAnalysedFileAndStreamsItWithRanges() throws Exception {
		UUID id = UUID.fromString(analyse(owner, "POP"));
		publish(id, TRACK, PredictionApiTest.LYRICS).andExpect(status().isOk())
			.andExpect(jsonPath("$.shared").value(true))
			.andExpect(jsonPath("$.publication.audio").value(true))
			.andExpect(jsonPath("$.publication.lyrics").value(true))
			.andExpect(jsonPath("$.publication.audioBytes").value(TRACK.length))
			.andExpect(jsonPath("$.publication.mediaType").value("audio/wav"))
			.andExpect(jsonPath("$.links.audio").value(path(id) + "/audio"));
		assertThat(chunks(id)).isEqualTo(2);

		String audio = path(id) + "/audio";
		byte[] whole = mvc.perform(get(audio).with(member(listener)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCEPT_RANGES, "bytes"))
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "audio/wav"))
			.andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, TRACK.length))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(whole).isEqualTo(TRACK);

		expectRange(audio, "bytes=0-99", 0, 99);
		// Across the boundary of the first 1 MB chunk.
		expectRange(audio, "bytes=1048570-1048589", 1_048_570, 1_048_589);
		expectRange(audio, "bytes=-500", TRACK.length - 500, TRACK.length - 1);
		expectRange(audio, "bytes=1000000-", 1_000_000, TRACK.length - 1);
		expectRange(audio, "bytes=" + (TRACK.length - 10) + "-99999999999999999999", TRACK.length - 10,
				TRACK.length - 1);

		mvc.perform(get(audio).header(HttpHeaders.RANGE, "bytes=" + TRACK.length + "-").with(member(listener)))
			.andExpect(status().isRequestedRangeNotSatisfiable())
			.andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes */" + TRACK.length))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/range-not-satisfiable"));
		mvc.perform(get(audio).header(HttpHeaders.RANGE, "bytes=-0").with(member(listener)))
			.andExpect(status().isRequestedRangeNotSatisfiable());
		// Malformed, another unit, several ranges, a stale If-Range: the whole file, never an error.
		for (String ignored : new String[] { "bytes=abc", "bytes=5-3", "lines=0-9", "bytes=0-1,5-6", "bytes=--5",
				"bytes=+1-2", "bytes=" }) {
			mvc.perform(get(audio).header(HttpHeaders.RANGE, ignored).with(member(listener)))
				.andExpect(status().isOk())
				.andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, TRACK.length));
		}
		String etag = mvc.perform(head(audio).with(member(listener)))
			.andExpect(status().isOk())
			.andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, TRACK.length))
			.andReturn().getResponse().getHeader(HttpHeaders.ETAG);
		mvc.perform(get(audio).header(HttpHeaders.RANGE, "bytes=0-9").header(HttpHeaders.IF_RANGE, "\"other\"")
			.with(member(listener))).andExpect(status().isOk());
		mvc.perform(get(audio).header(HttpHeaders.RANGE, "bytes=0-9").header(HttpHeaders.IF_RANGE, etag)
			.with(member(listener))).andExpect(status().isPartialContent());

		mvc.perform(get(path(id) + "/lyrics").with(member(listener)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value(PredictionApiTest.LYRICS.strip()));
	}

	@Test
	void playsWithATicketBoundToTheMemberAndTheAnalysis() throws Exception {
		UUID id = UUID.fromString(analyse(owner, "POP"));
		publish(id, TRACK, null).andExpect(status().isOk());
		String url = JsonPath.read(mvc.perform(post(path(id) + "/audio-ticket").with(member(listener)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.expiresAt").exists())
			.andReturn().getResponse().getContentAsString(), "$.url");
		assertThat(url).startsWith(path(id) + "/audio?ticket=");

		byte[] first = mvc.perform(get(url).header(HttpHeaders.RANGE, "bytes=0-15"))
			.andExpect(status().isPartialContent())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(first).isEqualTo(Arrays.copyOf(TRACK, 16));

		String ticket = url.substring(url.indexOf("ticket=") + 7);
		UUID other = UUID.fromString(analyse(listener, "POP"));
		mvc.perform(publishRequest(other, TRACK, null).with(member(listener))).andExpect(status().isOk());
		for (String forged : new String[] { ticket.substring(0, ticket.length() - 2) + "AA", "", "x",
				UUID.randomUUID() + ".a.99999999999.c2lnbmF0dXJl", "a".repeat(5000) }) {
			mvc.perform(get(path(id) + "/audio").param("ticket", forged))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/unauthorized"));
		}
		// A ticket is for one analysis only.
		mvc.perform(get(path(other) + "/audio").param("ticket", ticket)).andExpect(status().isUnauthorized());
		mvc.perform(get(path(id) + "/audio")).andExpect(status().isUnauthorized());

		mvc.perform(delete(path(id) + "/publication").with(member(owner))).andExpect(status().isNoContent());
		mvc.perform(get(url)).andExpect(status().isNotFound());
		mvc.perform(post(path(id) + "/audio-ticket").with(member(listener))).andExpect(status().isNotFound());
	}

	@Test
	void anOwnerWhoseAddressIsUnverifiedCannotPublishAndNothingIsStored() throws Exception {
		UUID id = UUID.fromString(analyse(owner, "POP"));
		mvc.perform(publishRequest(id, TRACK, PredictionApiTest.LYRICS).with(unverifiedMember(owner)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/email-unverified"));
		assertThat(chunks(id)).isZero();
		mvc.perform(get(path(id)).with(member(owner))).andExpect(jsonPath("$.publication").value(Matchers.nullValue()));
	}

	@Test
	void refusesAnotherFileOrOtherLyricsAndStoresNothing() throws Exception {
		UUID id = UUID.fromString(analyse(owner, "POP"));
		byte[] altered = TRACK.clone();
		altered[altered.length - 1] ^= 1;
		publish(id, altered, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/publication-mismatch"))
			.andExpect(jsonPath("$.errors[0].field").value("audio"));
		publish(id, TRACK, "Entirely other words for a different song").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/publication-mismatch"))
			.andExpect(jsonPath("$.errors[0].field").value("lyrics"));
		assertThat(chunks(id)).isZero();
		mvc.perform(get(path(id)).with(member(owner)))
			.andExpect(jsonPath("$.publication").value(Matchers.nullValue()))
			.andExpect(jsonPath("$.shared").value(false));

		// The same words with the line breaks a browser's form sends: the same lyrics.
		publish(id, TRACK, "\r\n" + PredictionApiTest.LYRICS.replace("\n", "\r\n") + "  ").andExpect(status().isOk());
	}

	@Test
	void nobodyButTheOwnerPublishesAndNothingIsPublishedOfAnOlderOrLyricLessAnalysis() throws Exception {
		UUID id = UUID.fromString(analyse(owner, "POP"));
		mvc.perform(publishRequest(id, TRACK, null).with(member(listener))).andExpect(status().isNotFound());
		mvc.perform(delete(path(id) + "/publication").with(member(listener))).andExpect(status().isNotFound());
		mvc.perform(multipart(HttpMethod.PUT, path(id) + "/publication").param("lyrics", "x").with(member(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("audio"));

		UUID older = stored(owner, Genre.POP, 0.5, true);
		publish(older, TRACK, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/publication-unavailable"));
		mvc.perform(get(path(older)).with(member(owner))).andExpect(jsonPath("$.publishable").value(false));

		UUID withoutLyrics = UUID.fromString(JsonPath.read(mvc.perform(multipart(BASE)
			.file(new MockMultipartFile("audio", "track.wav", "audio/wav", TRACK))
			.param("genre", "POP")
			.with(member(owner))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"$.id"));
		publish(withoutLyrics, TRACK, "some words").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/publication-unavailable"))
			.andExpect(jsonPath("$.errors[0].field").value("lyrics"));
		publish(withoutLyrics, TRACK, null).andExpect(status().isOk())
			.andExpect(jsonPath("$.publication.lyrics").value(false));
		mvc.perform(get(path(withoutLyrics) + "/lyrics").with(member(listener))).andExpect(status().isNotFound());
	}

	@Test
	void unsharingUnpublishingOrDeletingDeletesThePublishedAudioAtOnce() throws Exception {
		UUID unshared = UUID.fromString(analyse(owner, "POP"));
		publish(unshared, TRACK, PredictionApiTest.LYRICS).andExpect(status().isOk());
		mvc.perform(patch(path(unshared)).contentType(MediaType.APPLICATION_JSON).content("{\"shared\":false}")
			.with(member(owner))).andExpect(status().isOk()).andExpect(jsonPath("$.publication").value(Matchers.nullValue()));
		assertThat(chunks(unshared)).isZero();
		mvc.perform(get(path(unshared) + "/audio").with(member(owner))).andExpect(status().isNotFound());
		mvc.perform(get(path(unshared) + "/lyrics").with(member(owner))).andExpect(status().isNotFound());

		UUID unpublished = UUID.fromString(analyse(owner, "POP"));
		publish(unpublished, TRACK, null).andExpect(status().isOk());
		mvc.perform(delete(path(unpublished) + "/publication").with(member(owner))).andExpect(status().isNoContent());
		assertThat(chunks(unpublished)).isZero();
		mvc.perform(get(path(unpublished)).with(member(listener))).andExpect(jsonPath("$.shared").value(true))
			.andExpect(jsonPath("$.publication").value(Matchers.nullValue()));

		UUID deleted = UUID.fromString(analyse(owner, "POP"));
		publish(deleted, TRACK, null).andExpect(status().isOk());
		mvc.perform(delete(path(deleted)).with(member(owner))).andExpect(status().isNoContent());
		assertThat(chunks(deleted)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM prediction_publication WHERE prediction_id = ?")
			.param(deleted.toString()).query(Long.class).single()).isZero();
		mvc.perform(get(path(deleted) + "/audio").with(member(listener))).andExpect(status().isNotFound());
	}

	@Test
	void refusesAPublicationPastTheMembersQuotaButNotTheSameOneAgain() throws Exception {
		UUID first = UUID.fromString(analyse(owner, "POP"));
		UUID second = UUID.fromString(analyse(owner, "POP"));
		publish(first, TRACK, null).andExpect(status().isOk());
		publish(second, TRACK, null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/publication-quota-exceeded"))
			.andExpect(jsonPath("$.quotaBytes").value(2 * 1024 * 1024))
			.andExpect(jsonPath("$.usedBytes").value(TRACK.length));
		assertThat(chunks(second)).isZero();
		publish(first, TRACK, PredictionApiTest.LYRICS).andExpect(status().isOk())
			.andExpect(jsonPath("$.publication.lyrics").value(true));
		// Another member's quota is their own.
		UUID theirs = UUID.fromString(analyse(listener, "POP"));
		mvc.perform(publishRequest(theirs, TRACK, null).with(member(listener))).andExpect(status().isOk());
	}

	@Test
	void administratorsHideAndRemoveEntriesWhichTheirOwnerStillSeesWithTheReason() throws Exception {
		UUID admin = UUID.randomUUID();
		UUID id = UUID.fromString(analyse(owner, "BALLAD"));
		publish(id, TRACK, PredictionApiTest.LYRICS).andExpect(status().isOk());
		String moderation = path(id) + "/moderation";

		mvc.perform(put(moderation).contentType(MediaType.APPLICATION_JSON)
			.content("{\"state\":\"HIDDEN\",\"reason\":\"Reported as someone else's song\"}").with(member(listener)))
			.andExpect(status().isForbidden());
		mvc.perform(put(moderation).contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"HIDDEN\"}")
			.with(admin(admin))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(put(moderation).contentType(MediaType.APPLICATION_JSON)
			.content("{\"state\":\"HIDDEN\",\"reason\":\"Reported as someone else's song\"}").with(admin(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.moderation.state").value("HIDDEN"));

		String leaderboard = BASE + "/leaderboard?genre=BALLAD";
		mvc.perform(get(leaderboard).with(member(listener))).andExpect(jsonPath("$.totalItems").value(0));
		mvc.perform(get(leaderboard).with(member(owner)))
			.andExpect(jsonPath("$.items[0].moderation.reason").value("Reported as someone else's song"));
		mvc.perform(get(leaderboard).with(admin(admin))).andExpect(jsonPath("$.items[0].moderation.state").value("HIDDEN"));
		mvc.perform(get(path(id)).with(member(listener))).andExpect(status().isNotFound());
		mvc.perform(get(path(id) + "/audio").with(member(listener))).andExpect(status().isNotFound());
		mvc.perform(put(path(id) + "/like").with(member(listener))).andExpect(status().isNotFound());
		mvc.perform(get(path(id) + "/audio").with(member(owner))).andExpect(status().isOk());

		mvc.perform(put(moderation).contentType(MediaType.APPLICATION_JSON)
			.content("{\"state\":\"REMOVED\",\"reason\":\"Copyright claim\"}").with(admin(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.publication").value(Matchers.nullValue()));
		assertThat(chunks(id)).isZero();
		publish(id, TRACK, null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/entry-removed"));
		mvc.perform(get(path(id)).with(member(owner))).andExpect(jsonPath("$.moderation.state").value("REMOVED"))
			.andExpect(jsonPath("$.moderation.reason").value("Copyright claim"));

		mvc.perform(delete(moderation).with(member(owner))).andExpect(status().isForbidden());
		mvc.perform(delete(moderation).with(admin(admin))).andExpect(status().isNoContent());
		mvc.perform(get(leaderboard).with(member(listener))).andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].moderation").value(Matchers.nullValue()));
		publish(id, TRACK, null).andExpect(status().isOk());
	}

	@Test
	@SuppressWarnings("unchecked")
	void documentsEveryPublicationAndModerationEndpointAsAPartnerNeedsIt() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String[][] operations = { { "/publication", "put", "422" }, { "/publication", "delete", "404" },
				{ "/audio-ticket", "post", "404" }, { "/audio", "get", "416" }, { "/lyrics", "get", "404" },
				{ "/moderation", "put", "403" }, { "/moderation", "delete", "403" } };
		for (String[] operation : operations) {
			Map<String, Object> documented = JsonPath.read(docs,
					"$.paths['" + BASE + "/{id}" + operation[0] + "']." + operation[1]);
			assertThat((String) documented.get("summary")).as(operation[0] + " " + operation[1]).isNotBlank();
			assertThat((List<Object>) documented.get("tags")).as(operation[0]).isNotEmpty();
			assertThat((List<Object>) documented.get("security")).as(operation[0])
				.startsWith(Map.of("bearer", List.of()));
			Map<String, Object> responses = (Map<String, Object>) documented.get("responses");
			assertThat(responses).as(operation[0] + " " + operation[1]).containsKeys("401", operation[2]);
			assertThat(JsonPath.<Map<String, Object>>read(responses.get(operation[2]), "$.content"))
				.as(operation[0] + " " + operation[1]).containsKey("application/problem+json");
		}
		assertThat(JsonPath.<Map<String, Object>>read(docs, "$.components.schemas.PredictionView.properties"))
			.containsKeys("publication", "moderation", "publishable");
	}

	private ResultActions publish(UUID id, byte[] audio, String lyrics) throws Exception {
		return mvc.perform(publishRequest(id, audio, lyrics).with(member(owner)));
	}

	private static MockMultipartHttpServletRequestBuilder publishRequest(UUID id, byte[] audio, String lyrics) {
		MockMultipartHttpServletRequestBuilder request = multipart(HttpMethod.PUT, path(id) + "/publication");
		request.file(new MockMultipartFile("audio", "track.wav", "audio/wav", audio));
		if (lyrics != null) {
			request.param("lyrics", lyrics);
		}
		return request;
	}

	private void expectRange(String audio, String range, int first, int last) throws Exception {
		MockHttpServletRequestBuilder request = get(audio).header(HttpHeaders.RANGE, range).with(member(listener));
		byte[] body = mvc.perform(request)
			.andExpect(status().isPartialContent())
			.andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + TRACK.length))
			.andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, last - first + 1))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(body).as(range).isEqualTo(Arrays.copyOfRange(TRACK, first, last + 1));
	}

	private long chunks(UUID id) {
		return jdbc.sql("SELECT COUNT(*) FROM published_audio_chunk WHERE prediction_id = ?")
			.param(id.toString()).query(Long.class).single();
	}
}
