package dev.hitter.features.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.hitter.features.lyrics.EncodedLyrics;
import dev.hitter.features.lyrics.LyricsEncoder;
import dev.hitter.features.lyrics.LyricsSpec;
import dev.hitter.features.lyrics.Vocabulary;
import dev.hitter.features.npy.Npy;

/** {@code features lyrics}: lyrics files to fixed-length token-id .npy files, by a model's vocabulary. */
final class LyricsCommand {

	static final String USAGE = """
			features lyrics --in <.txt/.lrc file | folder> --vocab <vocabulary.txt> --out <file.npy | folder>
			                [--max-length 512] [--tokens] [--threads N]
			  Normalises (NFKC, case, punctuation, LRC time tags), tokenises (Korean with Nori morphemes,
			  English with Lucene's analyzer, stop words removed), and writes int32 ids of length --max-length
			  (the first tokens kept, 0-padded at the end; 1 = unknown). --tokens prints each file's tokens.""";

	static final Set<String> LYRICS = Set.of("txt", "lrc");

	int run(List<String> args, PrintStream progress) throws IOException {
		Arguments options = new Arguments(args, Set.of("tokens"));
		Path in = options.path("in");
		Path out = options.path("out");
		Vocabulary vocabulary = Vocabulary.load(options.path("vocab"));
		LyricsSpec base = LyricsSpec.V1;
		int maxLength = options.integer("max-length", base.maxLength(), 1, 65_536);
		boolean printTokens = options.flag("tokens");
		int threads = options.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 64);
		options.noneLeft();
		LyricsEncoder encoder = new LyricsEncoder(
				new LyricsSpec(base.id(), maxLength, base.maxCharacters(), base.stopWords(), base.stemming()));

		return new Batch(LYRICS, ".ids.npy", progress, "songs").run(in, out, threads, (input, output) -> {
			EncodedLyrics encoded = encoder.encode(Files.readString(input, StandardCharsets.UTF_8), vocabulary);
			Npy.writeInts(output, encoded.ids(), encoded.ids().length);
			String summary = encoded.tokens().size() + " tokens, " + encoded.unknownCount() + " unknown"
					+ (encoded.truncated() ? ", truncated" : "");
			if (printTokens) {
				summary += "\n  " + String.join(" ", encoded.tokens().stream().map(t -> t.surface() + "/" + t.id()).toList());
			}
			return summary;
		});
	}
}
