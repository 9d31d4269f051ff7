package dev.hitter.community.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which parts of a found post are marked: whole query words, not stray pieces of them. */
class HighlightsTest {

	private final SearchText text = new SearchText();

	private String marked(String query, String body) {
		return Highlights.of(text, text.queryWords(query), "", body).excerpt();
	}

	@Test
	void marksTheCompoundButNotALonePieceOfIt() {
		assertThat(marked("히트곡", "이 곡은 올해의 히트곡을 노린다"))
			.isEqualTo("이 곡은 올해의 \u0001히트곡\u0002을 노린다");
	}

	@Test
	void aOneSyllableQueryMarksEveryPlaceItStands() {
		assertThat(marked("곡", "이 곡은 히트곡")).isEqualTo("이 \u0001곡\u0002은 히트\u0001곡\u0002");
	}

	@Test
	void eachQueryWordIsMarkedOnItsOwn() {
		assertThat(marked("사랑 mixing", "사랑 노래의 mix와 사랑"))
			.isEqualTo("\u0001사랑\u0002 노래의 \u0001mix\u0002와 \u0001사랑\u0002");
	}

	@Test
	void queryWordsAreTheConnectedRunsOfTokens() {
		assertThat(text.queryWords("히트곡을 hits")).hasSize(2);
		assertThat(text.queryWords("히트곡을 hits").get(0)).containsExactlyInAnyOrder("히트", "곡");
	}
}
