package dev.hitter.prediction.history;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import dev.hitter.models.Genre;

/** {@code GET /api/v1/predictions/leaderboard}: a genre's shared analyses, best first. */
class LeaderboardApiTest extends CommunityApiTestBase {

	static final String LEADERBOARD = BASE + "/leaderboard";

	final UUID alice = UUID.randomUUID();

	final UUID bob = UUID.randomUUID();

	final UUID reader = UUID.randomUUID();

	@Test
	void ranksTheGenresSharedAnalysesByHitProbabilityThenAge() throws Exception {
		UUID best = stored(alice, Genre.POP, 0.9, true);
		UUID olderTie = stored(bob, Genre.POP, 0.7, true);
		UUID youngerTie = stored(alice, Genre.POP, 0.7, true);
		UUID last = stored(bob, Genre.POP, 0.2, true);
		stored(alice, Genre.POP, 0.99, false);
		stored(bob, Genre.BALLAD, 0.98, true);

		mvc.perform(get(LEADERBOARD).param("genre", "POP").with(member(reader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(Matchers.contains(best.toString(), olderTie.toString(),
					youngerTie.toString(), last.toString())))
			.andExpect(jsonPath("$.items[*].rank").value(Matchers.contains(1, 2, 3, 4)))
			.andExpect(jsonPath("$.items[*].genre").value(Matchers.everyItem(Matchers.is("POP"))))
			.andExpect(jsonPath("$.items[*].shared").value(Matchers.everyItem(Matchers.is(true))))
			.andExpect(jsonPath("$.items[0].links.self").value(path(best)))
			.andExpect(jsonPath("$.totalItems").value(4));
	}

	@Test
	void marksEachAnswerThatADemonstrationModelGave() throws Exception {
		stored(alice, Genre.POP, 0.9, true, "Real", false);
		stored(bob, Genre.POP, 0.8, true, "Synthetic", true);

		mvc.perform(get(LEADERBOARD).param("genre", "POP").with(member(reader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].title").value(Matchers.contains("Real", "Synthetic")))
			.andExpect(jsonPath("$.items[*].demonstration").value(Matchers.contains(false, true)));
	}

	@Test
	void pagesTheLeaderboardWithRanksCountedAcrossPages() throws Exception {
		for (int i = 1; i <= 5; i++) {
			stored(alice, Genre.DANCE, i / 10.0, true);
		}
		mvc.perform(get(LEADERBOARD).param("genre", "DANCE").param("page", "1").param("size", "2")
			.with(member(reader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.totalItems").value(5))
			.andExpect(jsonPath("$.totalPages").value(3))
			.andExpect(jsonPath("$.items[*].hitProbability").value(Matchers.contains(0.3, 0.2)))
			.andExpect(jsonPath("$.items[*].rank").value(Matchers.contains(3, 4)));
		mvc.perform(get(LEADERBOARD).param("genre", "DANCE").param("page", "2").param("size", "2")
			.with(member(reader)))
			.andExpect(jsonPath("$.items[*].rank").value(Matchers.contains(5)));
	}

	@Test
	void showsLikesAndWhetherTheReaderLikesEach() throws Exception {
		UUID liked = stored(alice, Genre.BALLAD, 0.8, true);
		UUID notLiked = stored(alice, Genre.BALLAD, 0.4, true);
		mvc.perform(put(path(liked) + "/like").with(member(reader))).andExpect(status().isNoContent());
		mvc.perform(put(path(liked) + "/like").with(member(bob))).andExpect(status().isNoContent());

		mvc.perform(get(LEADERBOARD).param("genre", "ballad").with(member(reader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(Matchers.contains(liked.toString(), notLiked.toString())))
			.andExpect(jsonPath("$.items[*].likes").value(Matchers.contains(2, 0)))
			.andExpect(jsonPath("$.items[*].likedByMe").value(Matchers.contains(true, false)));
		mvc.perform(get(LEADERBOARD).param("genre", "BALLAD").with(member(alice)))
			.andExpect(jsonPath("$.items[*].likedByMe").value(Matchers.contains(false, false)));
	}

	@Test
	void refusesAMissingOrUnknownGenre() throws Exception {
		mvc.perform(get(LEADERBOARD).param("genre", "JAZZ").with(member(reader)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("genre"));
		mvc.perform(get(LEADERBOARD).with(member(reader)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("genre"));
		mvc.perform(get(LEADERBOARD).param("genre", "POP").param("size", "0").with(member(reader)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
	}

	@Test
	void needsASignedInMember() throws Exception {
		mvc.perform(get(LEADERBOARD).param("genre", "POP")).andExpect(status().isUnauthorized());
	}
}
