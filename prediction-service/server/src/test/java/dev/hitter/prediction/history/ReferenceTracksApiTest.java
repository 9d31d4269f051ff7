package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.models.Genre;

/** Reference tracks: administrators mark them; every prediction shows the five of its genre nearest to it. */
class ReferenceTracksApiTest extends CommunityApiTestBase {

	final UUID administrator = UUID.randomUUID();

	final UUID uploader = UUID.randomUUID();

	final UUID member = UUID.randomUUID();

	@Test
	void aMemberMayNotMarkReferences() throws Exception {
		UUID id = stored(uploader, Genre.POP, 0.5, true);
		mvc.perform(put(path(id) + "/reference").with(member(member)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/forbidden"));
		mvc.perform(delete(path(id) + "/reference").with(member(uploader))).andExpect(status().isForbidden());
		// Refused before the lookup, so a member learns nothing about an id either.
		mvc.perform(put(path(UUID.randomUUID()) + "/reference").with(member(member)))
			.andExpect(status().isForbidden());
		mvc.perform(get(path(id)).with(member(member))).andExpect(jsonPath("$.referenceTrack").value(false));
	}

	@Test
	void anAdministratorCannotMarkWhatTheyCannotSee() throws Exception {
		UUID hidden = stored(uploader, Genre.POP, 0.5, false);
		mvc.perform(put(path(hidden) + "/reference").with(admin(administrator))).andExpect(status().isNotFound());
		mvc.perform(put(path(UUID.randomUUID()) + "/reference").with(admin(administrator)))
			.andExpect(status().isNotFound());
	}

	@Test
	void markingSharesTheTrackAndOthersSeeItAsTheirNearestReference() throws Exception {
		UUID mine = stored(member, Genre.POP, 0.5, false);
		UUID track = stored(administrator, Genre.POP, 0.58, false);
		mvc.perform(put(path(track) + "/reference").with(admin(administrator))).andExpect(status().isNoContent());
		mvc.perform(put(path(track) + "/reference").with(admin(administrator))).andExpect(status().isNoContent());

		mvc.perform(get(path(track)).with(member(member)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.shared").value(true))
			.andExpect(jsonPath("$.referenceTrack").value(true))
			.andExpect(jsonPath("$.references.length()").value(0));
		String view = read(path(mine), member);
		assertThat(JsonPath.<List<String>>read(view, "$.references[*].id")).containsExactly(track.toString());
		assertThat(JsonPath.<String>read(view, "$.references[0].title")).isEqualTo("Track 0.58");
		assertThat(JsonPath.<String>read(view, "$.references[0].artist")).isEqualTo("Artist");
		assertThat(JsonPath.<Number>read(view, "$.references[0].hitProbability").doubleValue()).isEqualTo(0.58);
		assertThat(JsonPath.<Number>read(view, "$.references[0].distance").doubleValue()).isCloseTo(0.08,
				within(1e-9));
	}

	@Test
	void showsAtMostTheFiveNearestReferencesOfTheSameGenre() throws Exception {
		UUID mine = stored(member, Genre.POP, 0.5, false);
		List<Double> probabilities = List.of(0.95, 0.1, 0.52, 0.8, 0.45, 0.3, 0.6);
		for (double probability : probabilities) {
			markAsReference(stored(uploader, Genre.POP, probability, true));
		}
		markAsReference(stored(uploader, Genre.BALLAD, 0.5, true));
		markAsReference(stored(uploader, Genre.DANCE, 0.51, true));
		// Shared, but never marked: not a reference.
		stored(uploader, Genre.POP, 0.5, true);

		String view = read(path(mine), member);
		assertThat(JsonPath.<List<Number>>read(view, "$.references[*].hitProbability")
			.stream()
			.map(Number::doubleValue)
			.toList()).containsExactly(0.52, 0.45, 0.6, 0.3, 0.8);
		List<Double> distances = JsonPath.<List<Number>>read(view, "$.references[*].distance")
			.stream()
			.map(Number::doubleValue)
			.toList();
		assertThat(distances).hasSize(5).isSorted();
		assertThat(distances.get(0)).isCloseTo(0.02, within(1e-9));
	}

	@Test
	void unmarkingRemovesTheReferenceButKeepsTheTrackShared() throws Exception {
		UUID mine = stored(member, Genre.DANCE, 0.5, false);
		UUID track = stored(uploader, Genre.DANCE, 0.7, true);
		markAsReference(track);
		assertThat(JsonPath.<List<String>>read(read(path(mine), member), "$.references[*].id"))
			.containsExactly(track.toString());

		mvc.perform(delete(path(track) + "/reference").with(admin(administrator))).andExpect(status().isNoContent());
		assertThat(JsonPath.<List<String>>read(read(path(mine), member), "$.references")).isEmpty();
		mvc.perform(get(path(track)).with(member(member)))
			.andExpect(jsonPath("$.shared").value(true))
			.andExpect(jsonPath("$.referenceTrack").value(false));
	}

	@Test
	void unsharingAReferenceUnmarksIt() throws Exception {
		UUID mine = stored(member, Genre.BALLAD, 0.5, false);
		UUID track = stored(uploader, Genre.BALLAD, 0.4, true);
		markAsReference(track);
		mvc.perform(patch(path(track)).with(member(uploader))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"shared\":false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.referenceTrack").value(false));
		assertThat(JsonPath.<List<String>>read(read(path(mine), member), "$.references")).isEmpty();
	}

	private void markAsReference(UUID id) throws Exception {
		mvc.perform(put(path(id) + "/reference").with(admin(administrator))).andExpect(status().isNoContent());
	}
}
