package dev.hitter.features.lyrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

class LyricsTokenizerTest {

	// One instance for the whole class, as in production: Nori's dictionary loads once.
	private static final LyricsTokenizer TOKENIZER = new LyricsTokenizer(LyricsSpec.V1);

	private static final LyricsTokenizer UNFILTERED = new LyricsTokenizer(StopWords.none(), false);

	private static final LyricsNormalizer NORMALIZER = new LyricsNormalizer();

	@Test
	void reducesTheKoreanSampleSentenceToBaseFormMorphemes() {
		// 사랑한다고 → 사랑 (+ 하/XSV, a suffix: dropped); 못했던 → 못하/VX; 내 → 나/NP (+ 의/J);
		// 알아줘 → 알/VV + 주/VX; particles (을) and endings (다고, 지, 았, 던, 아, 어) dropped.
		assertThat(tokens("사랑한다고 말하지 못했던 내 마음을 알아줘"))
			.extracting(LyricsToken::key, LyricsToken::surface, LyricsToken::language)
			.containsExactly(tuple("사랑", "사랑", Language.KO), tuple("말", "말", Language.KO),
					tuple("못하", "못했", Language.KO), tuple("나", "내", Language.KO), tuple("마음", "마음", Language.KO),
					tuple("알", "알", Language.KO), tuple("주", "줘", Language.KO));
	}

	@Test
	void keepsAdverbsThatMatterInLyrics() {
		assertThat(keys("다시 함께 이제 너무 정말")).containsExactly("다시", "함께", "이제", "너무", "정말");
	}

	@Test
	void keepsInterjections() {
		assertThat(keys("아 예 여보 오예")).containsExactly("아", "예", "여보", "오예");
	}

	@Test
	void dropsParticlesAndEndings() {
		assertThat(keys("그대는 나를 너에게 하늘에서")).containsExactly("그대", "나", "너", "하늘");
	}

	@Test
	void dropsTheVerbDerivingSuffixOfSinoKoreanVerbs() {
		assertThat(keys("사랑해요 행복해")).containsExactly("사랑", "행복");
	}

	@Test
	void reducesInflectedVerbsAndAdjectivesToTheirStems() {
		assertThat(keys("흘러 내려요 고마워 아름다운 그리워")).containsExactly("흐르", "내리", "고맙", "아름답", "그립");
	}

	@Test
	void keepsCompoundNounsWhole() {
		assertThat(keys("눈물이 눈빛")).containsExactly("눈물", "눈빛");
	}

	@Test
	void keepsPronounsAndNegation() {
		assertThat(keys("우린 아냐")).containsExactly("우리", "아니");
	}

	@Test
	void dropsDeterminersConjunctionsAndUnits() {
		assertThat(keys("그리고 이 노래 한 번")).containsExactly("노래");
	}

	@Test
	void readsVocativeGeudaeyeoAsGeudae() {
		// Without the user dictionary Nori reads a line-initial 그대여 as 그/MM + 대여 ("rental").
		assertThat(keys("그대여")).containsExactly("그대");
		assertThat(keys("사랑해요 그대여")).containsExactly("사랑", "그대");
		assertThat(keys("그대야 그대가")).containsExactly("그대", "그대");
	}

	@Test
	void keepsGeudaeroDespiteTheGeudaeEntry() {
		assertThat(keys("그대로 있어줘")).containsExactly("그대로", "있", "주");
	}

	@Test
	void readsColloquialPossessivesAsWords() {
		assertThat(keys("내꺼 니꺼 네꺼")).containsExactly("내꺼", "니꺼", "네꺼");
	}

	@Test
	void dropsEnglishStopWords() {
		assertThat(keys("the girl is in the house and it's on fire")).containsExactly("girl", "hous", "fire");
	}

	@Test
	void keepsPronounsNegationsAndHooksInEnglish() {
		assertThat(keys("you and me don't never oh yeah baby love"))
			.containsExactly("you", "me", "don't", "never", "oh", "yeah", "babi", "love");
	}

	@Test
	void stemsEnglishButKeepsTheReadableWordAsSurface() {
		assertThat(tokens("dancing girls")).extracting(LyricsToken::key, LyricsToken::surface)
			.containsExactly(tuple("danc", "dancing"), tuple("girl", "girls"));
	}

	@Test
	void stripsEnglishPossessives() {
		assertThat(tokens("the girl's heart")).extracting(LyricsToken::key, LyricsToken::surface)
			.containsExactly(tuple("girl", "girl's"), tuple("heart", "heart"));
	}

	@Test
	void givesBothLanguagesInOrderForAMixedLine() {
		assertThat(tokens("Baby 난 너를 원해 tonight"))
			.extracting(LyricsToken::key, LyricsToken::surface, LyricsToken::language)
			.containsExactly(tuple("babi", "baby", Language.EN), tuple("나", "난", Language.KO),
					tuple("너", "너", Language.KO), tuple("원하", "원해", Language.KO),
					tuple("tonight", "tonight", Language.EN));
	}

	@Test
	void switchesLanguageInsideAWord() {
		assertThat(tokens("oh그대 love너")).extracting(LyricsToken::key, LyricsToken::language)
			.containsExactly(tuple("oh", Language.EN), tuple("그대", Language.KO), tuple("love", Language.EN),
					tuple("너", Language.KO));
	}

	@Test
	void dropsNumbersButKeepsNumeralsWrittenAsWords() {
		// Porter stems "one" to "on"; the stop word "on" never reaches the stemmer, so the key is not ambiguous.
		assertThat(tokens("1 2 3 하나 둘 셋 one two 24 7 1월")).extracting(LyricsToken::key, LyricsToken::surface)
			.containsExactly(tuple("하나", "하나"), tuple("둘", "둘"), tuple("셋", "셋"), tuple("on", "one"),
					tuple("two", "two"), tuple("월", "월"));
	}

	@Test
	void dropsScriptsOtherThanHangulAndLatin() {
		assertThat(keys("love カタカナ 愛 любовь 사랑")).containsExactly("love", "사랑");
	}

	@Test
	void dropsChatStyleJamo() {
		assertThat(keys("ㅋㅋㅋ 사랑 ㅠㅠ")).containsExactly("사랑");
	}

	@Test
	void givesNoTokensForEmptyText() {
		assertThat(TOKENIZER.tokenize("")).isEmpty();
		assertThat(TOKENIZER.tokenize(" \n ")).isEmpty();
	}

	@Test
	void keepsStopWordsWhenTheyAreOff() {
		assertThat(UNFILTERED.tokenize("the thing 할 수 있는 것")).extracting(LyricsToken::key)
			.containsExactly("the", "thing", "하", "수", "있", "것");
		assertThat(keys("the thing 할 수 있는 것")).containsExactly("thing", "있");
	}

	@Test
	void leavesEnglishUnstemmedWhenStemmingIsOff() {
		assertThat(UNFILTERED.tokenize("dancing babies")).extracting(LyricsToken::key)
			.containsExactly("dancing", "babies");
	}

	@Test
	void givesTheSameTokensForTheSameTextEveryTime() {
		String line = "Baby 난 너를 원해 tonight\n사랑한다고 말하지 못했던 내 마음을 알아줘";
		assertThat(tokens(line)).isEqualTo(tokens(line));
	}

	private static List<LyricsToken> tokens(String lyrics) {
		return TOKENIZER.tokenize(NORMALIZER.normalize(lyrics));
	}

	private static List<String> keys(String lyrics) {
		return tokens(lyrics).stream().map(LyricsToken::key).toList();
	}
}
