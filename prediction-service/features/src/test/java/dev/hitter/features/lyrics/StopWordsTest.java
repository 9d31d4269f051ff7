package dev.hitter.features.lyrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class StopWordsTest {

	@Test
	void readsOneWordPerLineIgnoringCommentsAndBlankLines() throws IOException {
		assertThat(StopWords.parse(new StringReader("# header\n\nthe\n  a  \nan # article\n#\nthe\n")))
			.containsExactly("the", "a", "an");
	}

	@Test
	void builtInEnglishListDropsFunctionWords() {
		assertThat(StopWords.builtIn().of(Language.EN)).contains("the", "a", "and", "of", "is", "to", "it");
	}

	@Test
	void builtInEnglishListKeepsPronounsNegationsAndHooks() {
		assertThat(StopWords.builtIn().of(Language.EN)).doesNotContain("i", "me", "you", "we", "my", "your", "i'm",
				"no", "not", "don't", "never", "oh", "yeah", "baby", "love", "up", "over");
	}

	@Test
	void builtInKoreanListIsSmallAndKeepsPronounsAndAdverbs() {
		StopWords stopWords = StopWords.builtIn();
		assertThat(stopWords.of(Language.KO)).contains("것", "수", "등").hasSizeLessThan(20);
		assertThat(stopWords.of(Language.KO)).doesNotContain("나", "너", "그대", "우리", "다시", "함께", "이제");
		assertThat(stopWords.contains(Language.KO, "것")).isTrue();
		assertThat(stopWords.contains(Language.EN, "것")).isFalse();
	}

	@Test
	void noneContainsNothing() {
		assertThat(StopWords.none().of(Language.KO)).isEmpty();
		assertThat(StopWords.none().contains(Language.EN, "the")).isFalse();
	}
}
