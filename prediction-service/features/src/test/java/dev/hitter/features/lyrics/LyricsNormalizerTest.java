package dev.hitter.features.lyrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LyricsNormalizerTest {

	private final LyricsNormalizer normalizer = new LyricsNormalizer();

	@Test
	void stripsLrcTimeTags() {
		assertThat(normalizer.normalize("[00:12.34]사랑해\n[01:02]love you\n[01:02.345]again"))
			.isEqualTo("사랑해\nlove you\nagain");
	}

	@Test
	void stripsSeveralTimeTagsOnOneLineAndEnhancedWordTags() {
		assertThat(normalizer.normalize("[00:15.00][01:15.00]<00:15.00>다시 <00:15.80>함께")).isEqualTo("다시 함께");
	}

	@Test
	void dropsLrcMetadataLines() {
		assertThat(normalizer.normalize("[ar:BTS]\n[ti:Dynamite]\n[al:BE]\n[by:someone]\n[offset:+250]\n[00:01.00]Shining"))
			.isEqualTo("shining");
	}

	@Test
	void normalisesAWholeLrcFile() throws IOException {
		assertThat(normalizer.normalize(resource("sample.lrc")))
			.isEqualTo("baby 난 너를 원해 tonight\n다시 함께\noh yeah");
	}

	@Test
	void removesSectionMarkersAndRepeatMarksButKeepsBackingVocals() throws IOException {
		assertThat(normalizer.normalize(resource("annotated.txt")))
			.isEqualTo("i don't wanna lose you baby\n그대여 oh yeah\nstay stay with me\nstay with me");
	}

	@Test
	void removesRepeatMarksWithoutExpandingTheSection() {
		assertThat(normalizer.normalize("사랑해 (x2)\nlove you (2x)\nagain (×3)\nonce more x2\n반복해 (반복)"))
			.isEqualTo("사랑해\nlove you\nagain\nonce more\n반복해");
	}

	@Test
	void keepsWordsThatOnlyLookLikeMarks() {
		assertThat(normalizer.normalize("xx\nx-ray\nmax2")).isEqualTo("xx\nx ray\nmax2");
	}

	@Test
	void dropsLinesThatAreOnlyASectionLabel() {
		assertThat(normalizer.normalize("Verse 2:\n첫 줄\nPre-Chorus\n후렴\n둘째 줄")).isEqualTo("첫 줄\n둘째 줄");
	}

	@Test
	void appliesNfkcToFullWidthLatinAndHalfWidthKatakana() {
		assertThat(normalizer.normalize("ＡＢＣ ｶﾀｶﾅ ①")).isEqualTo("abc カタカナ 1");
	}

	@Test
	void composesDecomposedHangul() {
		String decomposed = "\u1109\u1161\u1105\u1161\u11BC"; // 사랑 as conjoining jamo, as some editors save it
		assertThat(normalizer.normalize(decomposed)).isEqualTo("사랑");
	}

	@Test
	void lowerCasesWithoutLocaleSurprises() {
		assertThat(normalizer.normalize("I LOVE YOU TITLE")).isEqualTo("i love you title");
	}

	@Test
	void turnsPunctuationIntoSpaces() {
		assertThat(normalizer.normalize("Hello,world!! 안녕...(하세요) ♥ “quote” — dash/slash 🎵"))
			.isEqualTo("hello world 안녕 하세요 quote dash slash");
	}

	@Test
	void keepsApostrophesInsideEnglishWordsOnly() {
		assertThat(normalizer.normalize("I'm sure you don’t 'cause rock 'n' roll lovin' ''"))
			.isEqualTo("i'm sure you don't cause rock n roll lovin");
	}

	@Test
	void collapsesWhitespaceAndDropsEmptyLines() {
		assertThat(normalizer.normalize("  a \t b  \r\n\r\n\n   \n c\rd  ")).isEqualTo("a b\nc\nd");
	}

	@Test
	void deletesInvisibleFormatCharactersInsideWords() {
		assertThat(normalizer.normalize("\uFEFF사\u200B랑 lo\u00ADve")).isEqualTo("사랑 love");
	}

	@Test
	void keepsDigitsForTheTokenizerToDecide() {
		assertThat(normalizer.normalize("24/7 1월")).isEqualTo("24 7 1월");
	}

	@Test
	void givesEmptyTextForInstrumentals() {
		assertThat(normalizer.normalize("")).isEmpty();
		assertThat(normalizer.normalize("[Instrumental]\n\n")).isEmpty();
	}

	@Test
	void refusesNulAsNotText() {
		assertThatThrownBy(() -> normalizer.normalize("사랑\u0000해"))
			.isInstanceOfSatisfying(LyricsRejectedException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(LyricsRejectedException.Reason.NOT_TEXT);
				assertThat(ex.code()).isEqualTo("lyrics/not-text");
				assertThat(ex.getMessage()).contains("U+0000");
			});
	}

	@Test
	void refusesOtherC0ControlsButAcceptsTabsAndLineBreaks() {
		assertThatThrownBy(() -> normalizer.normalize("la\u0007la")).isInstanceOfSatisfying(
				LyricsRejectedException.class, ex -> assertThat(ex.reason()).isEqualTo(LyricsRejectedException.Reason.NOT_TEXT));
		assertThatThrownBy(() -> normalizer.normalize("\u001B[31mred")).isInstanceOf(LyricsRejectedException.class);
		assertThat(normalizer.normalize("a\tb\r\nc\nd\re")).isEqualTo("a b\nc\nd\ne");
	}

	@Test
	void refusesLyricsOverTheLimitAndSaysTheLimit() {
		LyricsNormalizer small = new LyricsNormalizer(10);
		assertThat(small.normalize("0123456789")).isEqualTo("0123456789");
		assertThatThrownBy(() -> small.normalize("01234567890"))
			.isInstanceOfSatisfying(LyricsRejectedException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(LyricsRejectedException.Reason.TOO_LONG);
				assertThat(ex.code()).isEqualTo("lyrics/too-long");
				assertThat(ex.getMessage()).contains("at most 10 characters").contains("11");
			});
	}

	@Test
	void refusesMoreThanTwentyThousandCharactersByDefault() {
		assertThat(normalizer.maxCharacters()).isEqualTo(20_000);
		assertThat(normalizer.normalize("a".repeat(20_000))).hasSize(20_000);
		assertThatThrownBy(() -> normalizer.normalize("a".repeat(20_001)))
			.isInstanceOfSatisfying(LyricsRejectedException.class,
					ex -> assertThat(ex.getMessage()).contains("20000"));
	}

	@Test
	void countsCharactersNotUtf16Units() {
		// Ten emoji are twenty UTF-16 units but ten characters.
		assertThat(new LyricsNormalizer(10).normalize("🎵".repeat(10))).isEmpty();
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = LyricsNormalizerTest.class.getResourceAsStream("/lyrics/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
