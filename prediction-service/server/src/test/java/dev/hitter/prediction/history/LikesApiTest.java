package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.hitter.models.Genre;

/** {@code PUT} and {@code DELETE /api/v1/predictions/{id}/like}: one like per member on what they can see. */
class LikesApiTest extends CommunityApiTestBase {

	@Autowired
	JdbcClient jdbc;

	final UUID owner = UUID.randomUUID();

	final UUID fan = UUID.randomUUID();

	final UUID anotherFan = UUID.randomUUID();

	@Test
	void likingTwiceCountsOnceAndUnlikingIsIdempotent() throws Exception {
		UUID id = stored(owner, Genre.POP, 0.6, true);
		String like = path(id) + "/like";
		mvc.perform(put(like).with(member(fan))).andExpect(status().isNoContent());
		mvc.perform(put(like).with(member(fan))).andExpect(status().isNoContent());
		mvc.perform(put(like).with(member(anotherFan))).andExpect(status().isNoContent());

		mvc.perform(get(path(id)).with(member(fan)))
			.andExpect(jsonPath("$.likes").value(2))
			.andExpect(jsonPath("$.likedByMe").value(true))
			.andExpect(jsonPath("$.ownedByMe").value(false));
		mvc.perform(get(path(id)).with(member(owner)))
			.andExpect(jsonPath("$.likes").value(2))
			.andExpect(jsonPath("$.likedByMe").value(false))
			.andExpect(jsonPath("$.ownedByMe").value(true));
		mvc.perform(get(BASE).with(member(owner)))
			.andExpect(jsonPath("$.items[0].id").value(id.toString()))
			.andExpect(jsonPath("$.items[0].likes").value(2))
			.andExpect(jsonPath("$.items[0].likedByMe").value(false));

		mvc.perform(delete(like).with(member(fan))).andExpect(status().isNoContent());
		mvc.perform(delete(like).with(member(fan))).andExpect(status().isNoContent());
		mvc.perform(get(path(id)).with(member(fan)))
			.andExpect(jsonPath("$.likes").value(1))
			.andExpect(jsonPath("$.likedByMe").value(false));
	}

	@Test
	void concurrentLikesOfOneMemberCountOnce() throws Exception {
		UUID id = stored(owner, Genre.DANCE, 0.5, true);
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> likes = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
			try {
				start.await(10, TimeUnit.SECONDS);
				return mvc.perform(put(path(id) + "/like").with(member(fan))).andReturn().getResponse().getStatus();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).toList();
		start.countDown();
		for (CompletableFuture<Integer> like : likes) {
			assertThat(like.get(30, TimeUnit.SECONDS)).isEqualTo(204);
		}
		mvc.perform(get(path(id)).with(member(fan))).andExpect(jsonPath("$.likes").value(1));
	}

	@Test
	void aPredictionTheCallerCannotSeeCannotBeLiked() throws Exception {
		UUID hidden = stored(owner, Genre.BALLAD, 0.5, false);
		mvc.perform(put(path(hidden) + "/like").with(member(fan)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/not-found"));
		mvc.perform(delete(path(hidden) + "/like").with(member(fan))).andExpect(status().isNotFound());
		mvc.perform(put(path(UUID.randomUUID()) + "/like").with(member(fan))).andExpect(status().isNotFound());
		// Owners see their private analyses, so they may like them.
		mvc.perform(put(path(hidden) + "/like").with(member(owner))).andExpect(status().isNoContent());
	}

	@Test
	void deletingAPredictionDeletesItsLikes() throws Exception {
		String id = analyse(owner, "POP");
		mvc.perform(patch(BASE + "/" + id).with(member(owner))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"shared\":true}")).andExpect(status().isOk());
		mvc.perform(put(BASE + "/" + id + "/like").with(member(fan))).andExpect(status().isNoContent());
		assertThat(likesOf(id)).isEqualTo(1);

		mvc.perform(delete(BASE + "/" + id).with(member(owner))).andExpect(status().isNoContent());
		assertThat(likesOf(id)).isZero();
	}

	private long likesOf(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM prediction_like WHERE prediction_id = ?").param(id).query(Long.class)
			.single();
	}
}
