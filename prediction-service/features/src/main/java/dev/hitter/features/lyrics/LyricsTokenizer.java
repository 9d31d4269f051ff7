package dev.hitter.features.lyrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.Dictionary;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits normalised lyrics ({@link LyricsNormalizer}) into Korean morphemes and English words, in order.
 *
 * <p>The text is cut into script runs: a run starts at a letter and lasts until a letter of another script;
 * spaces, digits and other non-letters stay in the run they fall in. Hangul runs are Korean, Latin runs English,
 * runs of any other script are dropped.
 * <ul>
 * <li>Hangul runs go to Lucene Nori with decompound mode {@code NONE}, and we expand inflected forms ourselves:
 * Nori then keeps compound nouns whole (눈물 "tears", not 눈 "eye" + 물 "water", which {@code DISCARD} would give),
 * while an inflected word is replaced by its base-form morphemes (알아줘 → 알 + 주, 못했던 → 못하), which
 * {@code NONE} alone would leave as surface forms. The base forms come from Nori's morphosyntactic analysis
 * ({@link PartOfSpeechAttribute#getMorphemes()}: 한다고 → 하/XSV + ᆫ다고/E); its {@code ReadingAttribute} only
 * carries Hangul readings of Hanja and is empty for Hangul text. Morphemes are filtered by {@link KoreanStopTags} (nouns,
 * pronouns, verbs, adjectives, adverbs, interjections kept; particles, endings, suffixes, symbols dropped) and a
 * small user dictionary ({@code user-dictionary.txt}) fixes lyric forms Nori mis-parses (그대여 → 그/MM + 대여).</li>
 * <li>Latin runs go through StandardTokenizer → lower case → English possessive filter → stop filter (if on) →
 * Porter stemmer (if on). The stem is the vocabulary key; the token's surface keeps the readable word.</li>
 * <li>Digits are dropped: tokens made only of digits (English) and numbers (Nori's SN) say little about a song,
 * and would fill the vocabulary with years and counts. Numerals written out (하나, one) are words and stay.
 * Other scripts (Hanja, kana, Cyrillic) and emoji are dropped: the model is for Korean and English lyrics.
 * Bare jamo (ㅋㅋ, ㅠㅠ: chat laughter and tears, which NFKC turns into conjoining jamo) yield no morpheme either.</li>
 * </ul>
 *
 * <p>Thread-safe: one instance serves many threads. Lucene analyzers keep one token stream per thread; Nori's
 * dictionaries are loaded once per JVM (about 0.4 s, done by the constructor so no request pays for it).
 */
public final class LyricsTokenizer {

	private static final String FIELD = "lyrics";

	private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

	private static final UserDictionary USER_DICTIONARY = readUserDictionary();

	private static final int OTHER = 0;

	private static final int HANGUL = 1;

	private static final int LATIN = 2;

	/** Letters of any other script: a run of its own, so they never reach an analyzer. */
	private static final int FOREIGN = 3;

	private final Analyzer korean;

	private final Analyzer english;

	private final StopWords stopWords;

	/** Stop words and stemming as the spec says. */
	public LyricsTokenizer(LyricsSpec spec) {
		this(spec.stopWords() ? StopWords.builtIn() : StopWords.none(), spec.stemming());
	}

	public LyricsTokenizer(StopWords stopWords, boolean stemming) {
		this.stopWords = Objects.requireNonNull(stopWords, "stopWords");
		this.korean = new KoreanMorphemeAnalyzer();
		this.english = new EnglishWordAnalyzer(CharArraySet.unmodifiableSet(new CharArraySet(stopWords.of(Language.EN), false)),
				stemming);
		tokenize("사랑");
	}

	/** The tokens of {@code normalizedLyrics}, in the order they occur; empty for empty text. */
	public List<LyricsToken> tokenize(String normalizedLyrics) {
		Objects.requireNonNull(normalizedLyrics, "normalizedLyrics");
		List<LyricsToken> tokens = new ArrayList<>();
		int runStart = 0;
		int runScript = OTHER;
		int i = 0;
		while (i < normalizedLyrics.length()) {
			int cp = normalizedLyrics.codePointAt(i);
			int script = script(cp);
			if (script != OTHER && script != runScript) {
				if (runScript != OTHER) {
					analyze(normalizedLyrics.substring(runStart, i), runScript, tokens);
				}
				runStart = i;
				runScript = script;
			}
			i += Character.charCount(cp);
		}
		if (runScript != OTHER) {
			analyze(normalizedLyrics.substring(runStart), runScript, tokens);
		}
		return tokens;
	}

	private static int script(int cp) {
		if (cp < 0x80) {
			return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ? LATIN : OTHER;
		}
		if (cp >= 0xAC00 && cp <= 0xD7A3) {
			return HANGUL;
		}
		if (!Character.isLetter(cp)) {
			return OTHER;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HANGUL ? HANGUL
				: script == Character.UnicodeScript.LATIN ? LATIN : FOREIGN;
	}

	private void analyze(String run, int script, List<LyricsToken> tokens) {
		try {
			if (script == HANGUL) {
				analyzeKorean(run, tokens);
			}
			else if (script == LATIN) {
				analyzeEnglish(run, tokens);
			}
		}
		catch (IOException ex) {
			// Token streams over a String do no I/O; this would be a Lucene bug.
			throw new UncheckedIOException(ex);
		}
	}

	private void analyzeKorean(String run, List<LyricsToken> tokens) throws IOException {
		try (TokenStream stream = korean.tokenStream(FIELD, run)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PartOfSpeechAttribute partOfSpeech = stream.addAttribute(PartOfSpeechAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				POS.Type type = partOfSpeech.getPOSType();
				Dictionary.Morpheme[] morphemes = type == POS.Type.INFLECT || type == POS.Type.PREANALYSIS
						? partOfSpeech.getMorphemes() : null;
				if (morphemes != null) {
					String surface = null;
					for (Dictionary.Morpheme morpheme : morphemes) {
						if (KoreanStopTags.keeps(morpheme.posTag)
								&& !stopWords.contains(Language.KO, morpheme.surfaceForm)) {
							if (surface == null) {
								surface = run.substring(offset.startOffset(), offset.endOffset());
							}
							tokens.add(new LyricsToken(morpheme.surfaceForm, surface, Language.KO));
						}
					}
				}
				else if (KoreanStopTags.keeps(partOfSpeech.getLeftPOS())) {
					String key = term.toString();
					if (!stopWords.contains(Language.KO, key)) {
						tokens.add(new LyricsToken(key, run.substring(offset.startOffset(), offset.endOffset()),
								Language.KO));
					}
				}
			}
			stream.end();
		}
	}

	private void analyzeEnglish(String run, List<LyricsToken> tokens) throws IOException {
		try (TokenStream stream = english.tokenStream(FIELD, run)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(new LyricsToken(term.toString(), run.substring(offset.startOffset(), offset.endOffset()),
						Language.EN));
			}
			stream.end();
		}
	}

	private static UserDictionary readUserDictionary() {
		String resource = "user-dictionary.txt";
		try (InputStream in = Objects.requireNonNull(LyricsTokenizer.class.getResourceAsStream(resource),
				() -> "missing resource " + resource)) {
			return UserDictionary.open(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

	/** Nori with our user dictionary and no filters: part-of-speech filtering needs the morphemes. */
	private static final class KoreanMorphemeAnalyzer extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			return new TokenStreamComponents(new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
					USER_DICTIONARY, KoreanTokenizer.DecompoundMode.NONE, false, true));
		}
	}

	/** StandardTokenizer → words only → lower case → possessive → stop words → Porter (optional). */
	private static final class EnglishWordAnalyzer extends Analyzer {

		private final CharArraySet stopWords;

		private final boolean stemming;

		EnglishWordAnalyzer(CharArraySet stopWords, boolean stemming) {
			this.stopWords = stopWords;
			this.stemming = stemming;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			StandardTokenizer source = new StandardTokenizer();
			TokenStream stream = new TypeTokenFilter(source, Set.of(ALPHANUM), true);
			stream = new LowerCaseFilter(stream);
			stream = new EnglishPossessiveFilter(stream);
			if (!stopWords.isEmpty()) {
				stream = new StopFilter(stream, stopWords);
			}
			if (stemming) {
				stream = new PorterStemFilter(stream);
			}
			return new TokenStreamComponents(source, stream);
		}
	}
}
