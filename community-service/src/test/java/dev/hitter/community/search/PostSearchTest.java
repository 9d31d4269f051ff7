package dev.hitter.community.search;

import static dev.hitter.community.TestMembers.admin;
import static dev.hitter.community.TestMembers.member;
import static org.assertj.core.api.Assertions.assertThat;
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

import dev.hitter.community.CommunityApiTestBase;

/**
 * Search in Korean and English on the real database's FULLTEXT index: stems, particles, two-syllable and one-syllable
 * nouns under innodb_ft_min_token_size = 3, highlights, and the index kept in step with edits and moderation.
 */
class PostSearchTest extends CommunityApiTestBase {

	private static final String SEARCH = POSTS + "/search";

	private final UUID author = UUID.randomUUID();

	private final UUID reader = UUID.randomUUID();

	/** Each test's words carry a marker of its own, so other tests' posts never match. */
	private final String tag = "t" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void findsATwoSyllableKoreanNounDespiteTheMinimumTokenSize() throws Exception {
		UUID id = write(author, "민지", "사랑 노래 " + tag, "첫사랑이 아니라 사랑을 노래합니다", "FEEDBACK");
		assertThat(found("사랑 " + tag)).containsExactly(id.toString());
		UUID dream = write(author, "민지", "꿈 " + tag, "꿈은 이루어진다", "FREE_TALK");
		assertThat(found("꿈 " + tag)).containsExactly(dream.toString());
	}

	@Test
	void aWordWithAParticleFindsItsStemAndTheOtherWayRound() throws Exception {
		UUID id = write(author, "민지", "올해의 히트곡 " + tag, "무엇이 히트곡을 만들까요?", "INDUSTRY_NEWS");
		assertThat(found("히트곡을 " + tag)).containsExactly(id.toString());
		assertThat(found("히트곡 " + tag)).containsExactly(id.toString());
		assertThat(found("히트곡이 " + tag)).containsExactly(id.toString());
	}

	@Test
	void findsEnglishByItsStemAndIgnoresCase() throws Exception {
		UUID id = write(author, "Jamie", "Mixing hits " + tag, "How the chorus of a HIT song is mixed", "QA");
		assertThat(found("hit " + tag)).containsExactly(id.toString());
		assertThat(found("MIXED songs " + tag)).containsExactly(id.toString());
		assertThat(found("mastering " + tag)).isEmpty();
	}

	@Test
	void wantsEveryWordOfTheQuery() throws Exception {
		UUID both = write(author, "민지", "발라드 믹싱 " + tag, "발라드의 보컬", "FEEDBACK");
		write(author, "민지", "댄스 " + tag, "보컬", "FEEDBACK");
		assertThat(found("발라드 보컬 " + tag)).containsExactly(both.toString());
	}

	@Test
	void highlightsTheMatchingPartsWithMarkersNotHtml() throws Exception {
		write(author, "민지", "히트곡을 만드는 법 " + tag,
				"<b>서론</b> " + "길게 ".repeat(40) + "그리고 히트곡을 위한 믹싱 mixing tips", "FEEDBACK");
		String answer = search("히트곡 mix " + tag);
		String title = JsonPath.read(answer, "$.items[0].highlights.title");
		String excerpt = JsonPath.read(answer, "$.items[0].highlights.excerpt");
		assertThat(title).startsWith("\u0001히트곡\u0002을 만드는 법");
		assertThat(excerpt).contains("\u0001히트곡\u0002을").contains("\u0001mixing\u0002").startsWith("…");
		assertThat(excerpt).doesNotContain("<b>서론");
	}

	@Test
	void keepsTheIndexInStepWithEveryEdit() throws Exception {
		UUID id = write(author, "민지", "원래 " + tag, "기타 솔로", "FEEDBACK");
		assertThat(found("기타 " + tag)).containsExactly(id.toString());
		mvc.perform(patch(POSTS + "/" + id).with(member(author, "민지")).contentType(MediaType.APPLICATION_JSON)
			.content(json("body", "드럼 비트"))).andExpect(status().isOk());
		assertThat(found("기타 " + tag)).isEmpty();
		assertThat(found("드럼 " + tag)).containsExactly(id.toString());
	}

	@Test
	void hiddenPostsDisappearFromSearchAndComeBackWhenRestored() throws Exception {
		UUID id = write(author, "민지", "신고될 글 " + tag, "스팸", "FREE_TALK");
		UUID administrator = UUID.randomUUID();
		decide(administrator, id, "HIDE");
		assertThat(found("스팸 " + tag)).isEmpty();
		decide(administrator, id, "RESTORE");
		assertThat(found("스팸 " + tag)).containsExactly(id.toString());
		decide(administrator, id, "REMOVE");
		assertThat(found("스팸 " + tag)).isEmpty();
	}

	@Test
	void aQueryOfStopWordsFindsNothingAndBadQueriesAre400() throws Exception {
		write(author, "Jamie", "the and of " + tag, "the", "QA");
		assertThat(found("the of and")).isEmpty();
		mvc.perform(get(SEARCH).param("q", " ").with(member(reader, "독자")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(get(SEARCH).param("q", "x".repeat(201)).with(member(reader, "독자")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(get(SEARCH).with(member(reader, "독자"))).andExpect(status().isBadRequest());
		// Boolean-mode operators in a query are only text: no error, no injected syntax.
		mvc.perform(get(SEARCH).param("q", "+\"사랑\" -(*) @3 ~<>").with(member(reader, "독자")))
			.andExpect(status().isOk());
	}

	@Test
	void pagesThroughSearchResultsWithACursor() throws Exception {
		for (int i = 0; i < 3; i++) {
			write(author, "민지", "페이지 " + tag, "본문 " + i, "QA");
		}
		String first = mvc.perform(get(SEARCH).param("q", "페이지 " + tag).param("size", "2").with(member(reader, "r")))
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(first, "$.items[*].id")).hasSize(2);
		String next = JsonPath.read(first, "$.nextCursor");
		mvc.perform(get(SEARCH).param("q", "페이지 " + tag).param("size", "2").param("cursor", next)
			.with(member(reader, "r"))).andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.nextCursor").doesNotExist());
	}

	private void decide(UUID administrator, UUID post, String action) throws Exception {
		mvc.perform(put("/api/v1/community/moderation/POST/" + post).with(admin(administrator, "관리자"))
			.contentType(MediaType.APPLICATION_JSON).content(json("action", action, "note", "test")))
			.andExpect(status().isNoContent());
	}

	private String search(String query) throws Exception {
		return mvc.perform(get(SEARCH).param("q", query).with(member(reader, "독자")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private List<String> found(String query) throws Exception {
		return JsonPath.read(search(query), "$.items[*].id");
	}
}
