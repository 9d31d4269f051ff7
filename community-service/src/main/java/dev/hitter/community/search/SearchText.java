package dev.hitter.community.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.springframework.stereotype.Component;

/**
 * Text as the database's FULLTEXT index sees it. MariaDB has no n-gram parser and its default parser splits on
 * spaces only, so a Korean word with a particle (히트곡을) would never match its stem (히트곡). Instead Lucene tokenises
 * first — Nori for Hangul (particles and endings dropped, unknown compounds split: 히트곡 → 히트 곡), the English
 * analyzer (lower case, stop words, Porter stems: hits → hit) for everything else — and the index holds the tokens,
 * separated by spaces, each behind a two-letter prefix. The prefix is what lets a two-syllable noun (사랑) or a
 * one-syllable one (꿈) be found: {@code innodb_ft_min_token_size} is 3 on MySQL 8 and MariaDB and cannot be changed
 * at run time on MariaDB, so every indexed token must be at least three characters; it also keeps tokens clear of
 * InnoDB's stop-word list. The same analysis makes the query, so both sides agree.
 */
@Component
public class SearchText {

	/** Put before every token in the index and the query; two letters, so a one-character token still counts. */
	static final String PREFIX = "hx";

	/** InnoDB ignores tokens longer than innodb_ft_max_token_size (84); stay well under it. */
	private static final int MAX_TOKEN = 60;

	/** A query's tokens beyond these are ignored: they only narrow the result and cost the index. */
	private static final int MAX_QUERY_TOKENS = 16;

	private final Analyzer korean = new KoreanAnalyzer(null, KoreanTokenizer.DecompoundMode.MIXED,
			KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS, false);

	private final Analyzer english = new EnglishAnalyzer();

	/** A token as the analyzers produced it and where it stands in the text it came from. */
	public record Token(String term, int start, int end) {
	}

	/** What the FULLTEXT column holds for a post. */
	public String indexed(String title, String body) {
		StringBuilder text = new StringBuilder();
		for (Token token : tokens(title + "\n" + body)) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(PREFIX).append(token.term());
		}
		return text.toString();
	}

	/** The distinct terms of a query, in order; empty when it holds nothing searchable (only stop words, say). */
	public Set<String> queryTerms(String query) {
		Set<String> terms = new LinkedHashSet<>();
		for (Token token : tokens(query)) {
			if (terms.size() == MAX_QUERY_TOKENS) {
				break;
			}
			terms.add(token.term());
		}
		return terms;
	}

	/**
	 * The query's words as highlighting sees them: the terms of each connected run of tokens (touching or
	 * overlapping in the query text, as Nori's pieces of one compound are).
	 */
	public List<Set<String>> queryWords(String query) {
		Set<String> kept = queryTerms(query);
		List<Set<String>> words = new ArrayList<>();
		for (List<Token> run : runs(tokens(query))) {
			Set<String> word = new LinkedHashSet<>();
			run.stream().map(Token::term).filter(kept::contains).forEach(word::add);
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/** Tokens (sorted by position) grouped into runs whose spans touch or overlap. */
	static List<List<Token>> runs(List<Token> tokens) {
		List<List<Token>> runs = new ArrayList<>();
		int end = -1;
		for (Token token : tokens) {
			if (runs.isEmpty() || token.start() > end) {
				runs.add(new ArrayList<>());
			}
			runs.get(runs.size() - 1).add(token);
			end = Math.max(end, token.end());
		}
		return runs;
	}

	/** A boolean-mode query that wants every term; the terms hold only letters and digits, so nothing to escape. */
	public static String booleanQuery(Set<String> terms) {
		StringBuilder query = new StringBuilder();
		for (String term : terms) {
			if (!query.isEmpty()) {
				query.append(' ');
			}
			query.append('+').append(PREFIX).append(term);
		}
		return query.toString();
	}

	/** Every token of the text: Nori's for words in Hangul, the English analyzer's for the rest. */
	public List<Token> tokens(String text) {
		List<Token> tokens = new ArrayList<>();
		collect(korean, text, true, tokens);
		collect(english, withoutHangul(text), false, tokens);
		tokens.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
				: Integer.compare(a.end(), b.end()));
		return tokens;
	}

	private static void collect(Analyzer analyzer, String text, boolean hangul, List<Token> into) {
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String clean = lettersAndDigits(term);
				if (!clean.isEmpty() && containsHangul(clean) == hangul) {
					into.add(new Token(clean, offset.startOffset(), offset.endOffset()));
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			// Analysing a String reads no file; this cannot happen.
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The text with every Hangul letter blanked, for the English pass: Unicode word breaking keeps a Latin word and
	 * the particle after it together (BTS의, mix와), and that token would be lost to both passes. Blanking keeps
	 * every offset where it was.
	 */
	private static String withoutHangul(String text) {
		StringBuilder blanked = new StringBuilder(text);
		for (int i = 0; i < blanked.length(); i++) {
			if (Character.UnicodeScript.of(blanked.charAt(i)) == Character.UnicodeScript.HANGUL) {
				blanked.setCharAt(i, ' ');
			}
		}
		return blanked.toString();
	}

	private static String lettersAndDigits(CharSequence term) {
		StringBuilder clean = new StringBuilder(term.length());
		term.codePoints().filter(Character::isLetterOrDigit).forEach(clean::appendCodePoint);
		return clean.length() > MAX_TOKEN ? clean.substring(0, MAX_TOKEN) : clean.toString();
	}

	private static boolean containsHangul(String term) {
		return term.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
	}
}
