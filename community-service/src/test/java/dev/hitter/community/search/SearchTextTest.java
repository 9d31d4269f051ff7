package dev.hitter.community.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** What the FULLTEXT column receives: Nori's and the English analyzer's tokens, each at least three characters. */
class SearchTextTest {

	private final SearchText text = new SearchText();

	@Test
	void everyIndexedTokenIsAtLeastThreeCharactersLong() {
		String indexed = text.indexed("꿈 사랑 a", "I 히트곡을 좋아해");
		assertThat(Arrays.stream(indexed.split(" "))).isNotEmpty().allSatisfy(token -> assertThat(token).hasSizeGreaterThanOrEqualTo(3));
	}

	@Test
	void dropsParticlesAndStemsEnglish() {
		assertThat(text.queryTerms("히트곡을")).containsExactly("히트", "곡");
		assertThat(text.queryTerms("Running hits")).containsExactly("run", "hit");
	}

	@Test
	void booleanQueryWantsEveryTermAndHoldsNoOperatorOfTheUsers() {
		String query = SearchText.booleanQuery(text.queryTerms("+사랑* -\"hits\" (x)"));
		assertThat(query).isEqualTo("+hx사랑 +hxhit +hxx");
	}

	@Test
	void findsALatinWordWithAKoreanParticleGluedToIt() {
		assertThat(text.indexed("", "BTS의 mixing과 히트곡")).contains("hxbt").contains("hxmix").contains("hx히트");
	}
}
