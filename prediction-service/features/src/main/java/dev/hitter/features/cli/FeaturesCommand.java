package dev.hitter.features.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The researchers' command line ({@code ./hitter features …}): model inputs for a training set, made by the
 * same code the prediction service runs. Exit status 0 when every file was written, 1 when some were refused,
 * 2 on a usage error.
 */
public final class FeaturesCommand {

	static final String USAGE = """
			Usage: ./hitter features <mel|lyrics|vocabulary> [options]

			""" + MelCommand.USAGE + "\n\n" + LyricsCommand.USAGE + "\n\n" + VocabularyCommand.USAGE + "\n";

	private FeaturesCommand() {
	}

	public static void main(String[] args) {
		System.exit(run(Arrays.asList(args), System.out, System.err));
	}

	static int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.isEmpty() || List.of("help", "-h", "--help").contains(args.get(0))) {
			out.print(USAGE);
			return args.isEmpty() ? 2 : 0;
		}
		List<String> rest = args.subList(1, args.size());
		try {
			int refused = switch (args.get(0)) {
				case "mel" -> new MelCommand().run(rest, err);
				case "lyrics" -> new LyricsCommand().run(rest, err);
				case "vocabulary" -> new VocabularyCommand().run(rest, err);
				default -> throw new UsageException("unknown command '" + args.get(0) + "'");
			};
			return refused == 0 ? 0 : 1;
		}
		catch (UsageException ex) {
			err.println("features: " + ex.getMessage());
			err.println();
			err.print(USAGE);
			return 2;
		}
		catch (IOException ex) {
			err.println("features: " + ex.getMessage());
			return 1;
		}
	}
}
