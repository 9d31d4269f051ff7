package dev.hitter.features.lyrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Words removed from lyrics before they are counted, per language; the built-in lists live in
 * {@code stopwords-ko.txt} and {@code stopwords-en.txt} next to this class, where their choices are explained.
 */
public final class StopWords {

	private static final StopWords NONE = new StopWords(Set.of(), Set.of());

	private static final StopWords BUILT_IN = new StopWords(read("stopwords-ko.txt"), read("stopwords-en.txt"));

	private final Map<Language, Set<String>> words;

	public StopWords(Set<String> korean, Set<String> english) {
		this.words = Map.of(Language.KO, Set.copyOf(korean), Language.EN, Set.copyOf(english));
	}

	/** The project's lists, loaded once. */
	public static StopWords builtIn() {
		return BUILT_IN;
	}

	/** No stop words: every token counts. */
	public static StopWords none() {
		return NONE;
	}

	/** Whether {@code key} (a Korean base form, or an English word before stemming) is a stop word. */
	public boolean contains(Language language, String key) {
		return words.get(language).contains(key);
	}

	/** The stop words of one language. */
	public Set<String> of(Language language) {
		return words.get(language);
	}

	/** One word per line; blank lines and text after {@code #} are ignored; words are trimmed. */
	static Set<String> parse(Reader reader) throws IOException {
		Set<String> words = new LinkedHashSet<>();
		BufferedReader lines = new BufferedReader(reader);
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			int comment = line.indexOf('#');
			String word = (comment >= 0 ? line.substring(0, comment) : line).strip();
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	private static Set<String> read(String resource) {
		try (InputStream in = Objects.requireNonNull(StopWords.class.getResourceAsStream(resource),
				() -> "missing resource " + resource)) {
			return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}
}
