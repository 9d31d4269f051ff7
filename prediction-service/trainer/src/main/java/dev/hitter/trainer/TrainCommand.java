package dev.hitter.trainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.hitter.features.cli.Arguments;
import dev.hitter.features.cli.UsageException;
import dev.hitter.features.lyrics.LyricsSpec;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.trainer.data.Manifest;
import dev.hitter.trainer.data.MelonDataset;
import dev.hitter.trainer.data.Song;
import dev.hitter.trainer.data.SplitStrategy;
import dev.hitter.trainer.data.TrainingSet;
import dev.hitter.trainer.data.shard.MelShardWriter;
import dev.hitter.trainer.data.shard.SongShards;
import dev.hitter.trainer.demo.DemoSongs;
import dev.hitter.trainer.network.AudioNetwork;
import dev.hitter.trainer.network.LyricsNetwork;
import dev.hitter.trainer.training.GenreTrainer;
import dev.hitter.trainer.training.TrainedVersion;
import dev.hitter.trainer.training.TrainingSettings;

/**
 * The researchers' training command ({@code ./hitter train …}): trains each genre's two CNNs and adds a new
 * model-set version under {@code --out}. Exit status 0 when every genre was written, 1 when some genre failed
 * (or the data could not be read), 2 on a usage error. Progress goes to stdout, problems to stderr.
 */
public final class TrainCommand {

	static final String USAGE = """
			Usage: ./hitter train <demo|manifest|melon> --out <models-root> [options]

			  demo      synthetic demonstration songs (30 s of audio through the real log-mel front end, and lyrics)
			              [--examples 600] [--label-noise 0.03]
			  manifest  labelled songs listed in a CSV (header row) or JSON-lines file
			              --manifest <file> [--threshold <popularity at or above which a song is a hit>]
			  melon     the Melon Playlist Dataset (song_meta.json, genre_gn_all.json, train.json, arena_mel/)
			              --dataset <dir> [--lyrics <dir of <song id>.txt>] [--hit-share 0.2] [--limit <songs per genre>]

			Options for all:
			  --out <dir>            model-set root; a new version is added under <dir>/<GENRE>/
			  --genres POP,BALLAD,DANCE
			  --epochs 30  --patience 5  --batch 16  --seed 7
			  --lyrics-length 512    tokens per song (512 is lyrics-v1, the server's spec)
			  --min-token-count 2    (demo: 1)
			  --parity 0             held-out examples written with the trainer's outputs for the server's parity test
			  --shards <dir>         pack the mels into shards there (built once, reused while the songs are the
			                         same; memory-mapped when they fit in memory) and train from them
			  --split random         random (stratified by label) | artist (no artist in two splits) |
			                         time (train on older songs, validate and test on newer ones); see docs/models.md

			Hyper-parameters (recorded in the cards; defaults are the demonstration set's, docs/models.md gives real-data ones):
			  --learning-rate 0.002  Adam's step size
			  --l2 0.0001            weight decay on weights (not biases)
			  --audio-channels 16,32,32   channels of the audio CNN's three convolutions
			  --audio-kernels 5,5,3       their kernel widths in frames;  --audio-pool 4  max-pool after the first two
			  --lyrics-embedding 32  --lyrics-filters 32   --lyrics-kernels 2,3,4   (token widths of the lyrics CNN)
			  --threads 2            TensorFlow intra-op threads per training session (the cores to use)

			Every training ends by evaluating the test split (bootstrap intervals, evaluation.json, roc.png,
			reliability.png, the cards' evaluation section); ./hitter evaluate does it again on other data.
			""";

	private TrainCommand() {
	}

	public static void main(String[] args) {
		System.exit(run(Arrays.asList(args), System.out, System.err));
	}

	static int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.isEmpty() || List.of("help", "-h", "--help").contains(args.get(0))) {
			out.print(USAGE);
			return args.isEmpty() ? 2 : 0;
		}
		try {
			Arguments options = new Arguments(args.subList(1, args.size()), Set.of());
			Path root = options.path("out");
			List<Genre> genres = genres(options);
			boolean demo = args.get(0).equals("demo");
			TrainingSettings settings = settings(options, demo);
			Map<Genre, Supplier<TrainingSet>> sets = switch (args.get(0)) {
				case "demo" -> demoSets(options, genres, settings, out);
				case "manifest" -> manifestSets(options, genres, out, err);
				case "melon" -> melonSets(options, genres, settings, out, err);
				default -> throw new UsageException("unknown command '" + args.get(0) + "'");
			};
			withSplitStrategy(sets, splitStrategy(options));
			SongShards shards = shards(options, out);
			options.noneLeft();
			return train(sets, genres, settings, new ModelSetLayout(root), shards, out, err);
		}
		catch (UsageException ex) {
			err.println("train: " + ex.getMessage());
			err.println();
			err.print(USAGE);
			return 2;
		}
		catch (IOException | RuntimeException ex) {
			err.println("train: " + ex.getMessage());
			return 1;
		}
	}

	private static TrainingSettings settings(Arguments options, boolean demo) {
		TrainingSettings defaults = TrainingSettings.defaults();
		int length = options.integer("lyrics-length", LyricsSpec.V1.maxLength(), 8, 4096);
		LyricsSpec spec = length == LyricsSpec.V1.maxLength() ? LyricsSpec.V1
				: new LyricsSpec(LyricsSpec.V1.id() + "-len" + length, length, LyricsSpec.V1.maxCharacters(),
						LyricsSpec.V1.stopWords(), LyricsSpec.V1.stemming());
		TrainingSettings settings = new TrainingSettings(options.integer("epochs", defaults.epochs(), 1, 10_000),
				options.integer("patience", defaults.patience(), 1, 10_000),
				options.integer("batch", defaults.batchSize(), 1, 4096), defaults.learningRate(), defaults.l2(),
				options.integer("seed", (int) defaults.seed(), Integer.MIN_VALUE, Integer.MAX_VALUE), spec,
				options.integer("min-token-count", demo ? 1 : defaults.minTokenCount(), 1, 1_000_000),
				defaults.maxVocabulary(), defaults.audioSizes(), defaults.lyricsSizes(),
				options.integer("parity", 0, 0, 10_000));
		return hyperParameters(options, settings);
	}

	/** Learning rate, L2, network widths and threads from the command line (the cards record them). */
	static TrainingSettings hyperParameters(Arguments options, TrainingSettings settings) {
		AudioNetwork.Sizes audio = settings.audioSizes();
		int[] channels = integers(options, "audio-channels",
				new int[] { audio.channels1(), audio.channels2(), audio.channels3() }, 3, 1, 1024);
		int[] kernels = integers(options, "audio-kernels", new int[] { audio.width1(), audio.width2(), audio.width3() },
				3, 1, 64);
		int pool = options.integer("audio-pool", audio.pool(), 1, 16);
		LyricsNetwork.Sizes lyrics = settings.lyricsSizes();
		int[] lyricsKernels = integers(options, "lyrics-kernels",
				lyrics.widths().stream().mapToInt(Integer::intValue).toArray(), 0, 1, 32);
		return settings.withHyperParameters(
				options.decimal("learning-rate", (double) settings.learningRate(), 1e-7, 1).floatValue(),
				options.decimal("l2", (double) settings.l2(), 0, 1).floatValue(),
				new AudioNetwork.Sizes(channels[0], channels[1], channels[2], kernels[0], kernels[1], kernels[2], pool),
				new LyricsNetwork.Sizes(options.integer("lyrics-embedding", lyrics.embedding(), 1, 1024),
						options.integer("lyrics-filters", lyrics.filters(), 1, 1024),
						Arrays.stream(lyricsKernels).boxed().toList()),
				options.integer("threads", settings.threads(), 1, 256));
	}

	/** A comma-separated list of whole numbers ({@code count} of them, or any number when 0). */
	private static int[] integers(Arguments options, String name, int[] fallback, int count, int min, int max) {
		String text = options.optional(name, null);
		if (text == null) {
			return fallback;
		}
		String[] parts = text.split(",");
		if (count > 0 && parts.length != count || parts.length == 0) {
			throw new UsageException("--" + name + " takes " + (count > 0 ? count + " " : "") + "comma-separated whole "
					+ "numbers, not '" + text + "'");
		}
		int[] values = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				values[i] = Integer.parseInt(parts[i].trim());
			}
			catch (NumberFormatException ex) {
				throw new UsageException("--" + name + " takes whole numbers, not '" + parts[i].trim() + "'");
			}
			if (values[i] < min || values[i] > max) {
				throw new UsageException("--" + name + " values must be between " + min + " and " + max + ", not "
						+ values[i]);
			}
		}
		return values;
	}

	/** {@code --split random|artist|time}: how each genre's set is divided (recorded in splits.json and the card). */
	private static SplitStrategy splitStrategy(Arguments options) {
		try {
			return SplitStrategy.parse(options.optional("split", SplitStrategy.RANDOM.id()));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--split takes random, artist or time, not '" + options.optional("split", "")
					+ "'");
		}
	}

	private static void withSplitStrategy(Map<Genre, Supplier<TrainingSet>> sets, SplitStrategy strategy) {
		sets.replaceAll((genre, set) -> () -> set.get().withSplitStrategy(strategy));
	}

	/** Each genre's songs are synthesised when that genre trains, so only one genre's mels are in memory. */
	private static Map<Genre, Supplier<TrainingSet>> demoSets(Arguments options, List<Genre> genres,
			TrainingSettings settings, PrintStream out) {
		int examples = options.integer("examples", 600, 20, 100_000);
		double noise = options.decimal("label-noise", 0.03, 0, 0.5);
		DemoSongs demo = new DemoSongs(settings.seed(), noise);
		Map<Genre, Supplier<TrainingSet>> sets = new EnumMap<>(Genre.class);
		for (Genre genre : genres) {
			sets.put(genre, () -> {
				long started = System.nanoTime();
				List<Song> songs = demo.generate(genre, examples);
				out.printf("%s: synthesised %d demonstration songs (%.1f s)%n", genre, examples,
						(System.nanoTime() - started) / 1e9);
				return new TrainingSet(genre, songs, "synthetic-demo", String.format("%d synthetic %s songs "
						+ "(seed %d, label noise %.2f): 30 s tracks synthesised at 16 kHz and turned into melon-v1 "
						+ "log-mels by the features library, with Korean/English lyrics", examples, genre,
						settings.seed(), noise), DemoSongs.LABEL_RULE, true);
			});
		}
		return sets;
	}

	private static Map<Genre, Supplier<TrainingSet>> manifestSets(Arguments options, List<Genre> genres, PrintStream out,
			PrintStream err) throws IOException {
		Path file = options.path("manifest");
		if (!Files.isRegularFile(file)) {
			throw new UsageException("--manifest " + file + " is not a file");
		}
		Manifest.Contents contents = new Manifest(options.decimal("threshold", null, -1e300, 1e300)).read(file);
		contents.problems().forEach(err::println);
		out.printf("%s: %d songs read, %d rows skipped (%s)%n", file.getFileName(), contents.songs().size(),
				contents.skipped(), contents.report().summary());
		Map<Genre, Supplier<TrainingSet>> sets = new EnumMap<>(Genre.class);
		for (Genre genre : genres) {
			List<Song> songs = contents.songs().stream().filter(song -> song.genre() == genre).toList();
			if (!songs.isEmpty()) {
				TrainingSet set = new TrainingSet(genre, songs, "manifest", String.format("%d %s songs listed in %s",
						songs.size(), genre, file.getFileName()), "labels (or popularity ≥ --threshold) as given in "
								+ "the manifest", false);
				sets.put(genre, () -> set);
			}
		}
		return sets;
	}

	private static Map<Genre, Supplier<TrainingSet>> melonSets(Arguments options, List<Genre> genres, TrainingSettings settings,
			PrintStream out, PrintStream err) throws IOException {
		Path dataset = options.path("dataset");
		if (!Files.isDirectory(dataset)) {
			throw new UsageException("--dataset " + dataset + " is not a folder");
		}
		Path lyrics = options.optionalPath("lyrics");
		if (lyrics != null && !Files.isDirectory(lyrics)) {
			throw new UsageException("--lyrics " + lyrics + " is not a folder");
		}
		double share = options.decimal("hit-share", 0.2, 0.001, 0.999);
		int limit = options.integer("limit", 0, 0, Integer.MAX_VALUE);
		MelonDataset.Import imported = new MelonDataset(dataset, lyrics, share).read(genres, limit, settings.seed());
		imported.problems().forEach(err::println);
		out.printf("melon: %s; skipped %d songs without a mel file, %d with a broken one; %d songs outside %s%n",
				imported.sets().values().stream().map(set -> set.genre() + " " + set.songs().size()).toList(),
				imported.missingMels(), imported.corruptMels(), imported.unmappedSongs(), genres);
		out.printf("melon: read %,d songs and %,d playlists; bad input by kind: %s%n", imported.songsRead(),
				imported.playlistsRead(), imported.report().summary());
		Map<Genre, Supplier<TrainingSet>> sets = new EnumMap<>(Genre.class);
		imported.sets().forEach((genre, set) -> sets.put(genre, () -> set));
		return sets;
	}

	private static int train(Map<Genre, Supplier<TrainingSet>> sets, List<Genre> genres, TrainingSettings settings,
			ModelSetLayout layout, SongShards shards, PrintStream out, PrintStream err) {
		List<Genre> failed = new ArrayList<>();
		for (Genre genre : genres) {
			Supplier<TrainingSet> set = sets.get(genre);
			if (set == null) {
				err.println("train: no songs for " + genre);
				failed.add(genre);
				continue;
			}
			try {
				TrainedVersion version;
				if (shards == null) {
					version = new GenreTrainer(settings, out).train(set.get(), layout);
				}
				else {
					try (shards) {
						version = new GenreTrainer(settings, out).train(shards.attach(set.get()), layout);
					}
				}
				out.printf(Locale.ROOT, "%s: audio test AUC %.4f, lyrics test AUC %s, combined test AUC %.4f "
						+ "[%.4f, %.4f] → %s%n", genre, version.audio().test().rocAuc(),
						version.lyrics().test() == null ? "(not trained)"
								: String.format(Locale.ROOT, "%.4f", version.lyrics().test().rocAuc()),
						version.combinedTest().rocAuc(), version.evaluation().combined().rocAuc().low(),
						version.evaluation().combined().rocAuc().high(), version.folder());
				// A new version is never served on its own (docs/models.md "Promotion").
				out.printf("%s: not served until promoted: ./hitter models promote %s --genre %s%n", genre,
						version.version(), genre);
			}
			catch (IOException | RuntimeException ex) {
				err.println("train: " + genre + " failed: " + ex.getMessage());
				failed.add(genre);
			}
		}
		return failed.isEmpty() ? 0 : 1;
	}

	/** {@code --shards <dir>}: where the mels are packed for training, or null to read them as the set gives them. */
	private static SongShards shards(Arguments options, PrintStream out) {
		Path folder = options.optionalPath("shards");
		if (folder == null) {
			return null;
		}
		if (Files.exists(folder) && !Files.isDirectory(folder)) {
			throw new UsageException("--shards " + folder + " is not a folder");
		}
		return new SongShards(folder, new MelShardWriter(out), out);
	}

	private static List<Genre> genres(Arguments options) {
		String text = options.optional("genres", "POP,BALLAD,DANCE");
		List<Genre> genres = new ArrayList<>();
		for (String part : text.split(",")) {
			try {
				Genre genre = Genre.valueOf(part.trim().toUpperCase(Locale.ROOT));
				if (!genres.contains(genre)) {
					genres.add(genre);
				}
			}
			catch (IllegalArgumentException ex) {
				throw new UsageException("--genres takes POP, BALLAD and DANCE, not '" + part.trim() + "'");
			}
		}
		return genres;
	}
}
