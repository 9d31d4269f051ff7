package dev.hitter.features.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.hitter.features.lyrics.LyricsEncoder;
import dev.hitter.features.lyrics.LyricsRejectedException;
import dev.hitter.features.lyrics.LyricsSpec;
import dev.hitter.features.lyrics.Vocabulary;

/** {@code features vocabulary}: builds a model's vocabulary from a folder of lyrics. */
final class VocabularyCommand {

	static final String USAGE = """
			features vocabulary --in <folder of .txt/.lrc> --out <vocabulary.txt> [--min-count 2] [--max-size 20000]
			  Tokenises every lyrics file exactly as 'features lyrics' does and keeps the tokens seen at least
			  --min-count times, most frequent first (ids 0 and 1 are <pad> and <unk>).""";

	int run(List<String> args, PrintStream progress) throws IOException {
		Arguments options = new Arguments(args, Set.of());
		Path in = options.path("in");
		Path out = options.path("out");
		int minCount = options.integer("min-count", 2, 1, 1_000_000);
		int maxSize = options.integer("max-size", 20_000, 3, 10_000_000);
		options.noneLeft();
		LyricsEncoder encoder = new LyricsEncoder(LyricsSpec.V1);
		List<Path[]> files = new Batch(LyricsCommand.LYRICS, "", progress).pairs(in, in);
		List<List<String>> songs = new ArrayList<>();
		int refused = 0;
		for (Path[] file : files) {
			try {
				songs.add(encoder.keys(Files.readString(file[0], StandardCharsets.UTF_8)));
			}
			catch (LyricsRejectedException ex) {
				refused++;
				progress.printf("%s refused (%s): %s%n", file[0], ex.code(), ex.getMessage());
			}
		}
		Vocabulary vocabulary = Vocabulary.build(songs, minCount, maxSize);
		vocabulary.save(out);
		progress.printf("done: %d songs, %d refused, %d tokens in %s (sha256 %s)%n", songs.size(), refused,
				vocabulary.size(), out, vocabulary.fingerprint());
		return refused;
	}
}
