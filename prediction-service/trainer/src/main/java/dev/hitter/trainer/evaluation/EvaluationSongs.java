package dev.hitter.trainer.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.trainer.data.Song;
import dev.hitter.trainer.data.Split;
import dev.hitter.trainer.data.SplitAssignment;
import dev.hitter.trainer.demo.DemoSongs;

/**
 * Where the songs of an evaluation come from: a manifest (all of a genre's rows, or only its test split), or a
 * demonstration set's test split regenerated from its card. Each answer says in a sentence what it is.
 */
public final class EvaluationSongs {

	/** The split record the trainer writes beside a model: strategy, seed, dataset fingerprint, ids per split. */
	public static final String SPLITS_FILE = "splits.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern LABEL_NOISE = Pattern.compile("label noise ([0-9.]+)");

	/** The songs, and how they were chosen (for the person running the command and for the evaluation's reasons). */
	public record Chosen(List<Song> songs, String on, List<String> notes) {
	}

	private EvaluationSongs() {
	}

	/**
	 * The test split's ids recorded in the version folder's {@value #SPLITS_FILE}, if it has one: an array named
	 * {@code test} at the top level or one level down (e.g. under {@code ids} or {@code splits}).
	 */
	public static Optional<Set<String>> recordedTestIds(Path versionDir) throws IOException {
		Optional<Set<String>> ids = recordedIds(versionDir, "test");
		if (Files.isRegularFile(versionDir.resolve(SPLITS_FILE)) && ids.isEmpty()) {
			throw new IOException(versionDir.resolve(SPLITS_FILE) + " has no list of test ids ('test')");
		}
		return ids;
	}

	/** The ids the split record lists under {@code split} (train, validation or test), if it lists them. */
	public static Optional<Set<String>> recordedIds(Path versionDir, String split) throws IOException {
		Path file = versionDir.resolve(SPLITS_FILE);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		JsonNode root;
		try {
			root = JSON.readTree(Files.readString(file));
		}
		catch (JacksonException ex) {
			throw new IOException(file + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		// The trainer's record (data.SplitRecord): {"splits": {"test": {"songs": n, "positives": n, "ids": [...]}}}.
		JsonNode list = root.path("splits").path(split).get("ids");
		if (list == null || !list.isArray()) {
			list = array(root, split);
		}
		if (list == null) {
			return Optional.empty();
		}
		Set<String> ids = new HashSet<>();
		for (JsonNode id : list.values()) {
			ids.add(id.asString());
		}
		return Optional.of(ids);
	}

	private static JsonNode array(JsonNode node, String name) {
		JsonNode list = node.get(name);
		return list != null && list.isArray() ? list : null;
	}

	/**
	 * A manifest's songs of {@code genre}; with {@code testOnly}, only its test split: the ids of the version's
	 * split record, or else the rows the manifest itself marks {@code split=test}.
	 */
	public static Chosen manifest(List<Song> read, Path file, Genre genre, boolean testOnly, Optional<Set<String>> testIds,
			Optional<Set<String>> trainIds) throws IOException {
		List<Song> songs = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (Song song : read) {
			if (song.genre() != genre) {
				continue;
			}
			if (!testOnly || (testIds.isPresent() ? testIds.get().contains(song.id()) : song.split() == Split.TEST)) {
				songs.add(song);
			}
		}
		if (!testOnly) {
			notes.add("every " + genre + " song of " + file.getFileName() + " (" + songs.size() + ")");
			// Songs the model learned from flatter it: say how many there are, or that nobody knows.
			if (trainIds.isPresent()) {
				long seen = songs.stream().filter(song -> trainIds.get().contains(song.id())).count();
				if (seen > 0) {
					notes.add(seen + " of them are in the version's training split (" + SPLITS_FILE + "): the figures "
							+ "flatter the model; use --test-split or songs it never saw");
				}
			}
			else {
				notes.add("no " + SPLITS_FILE + " beside the model: whether it was trained on some of these songs is "
						+ "not known");
			}
			return new Chosen(songs, dev.hitter.models.evaluation.Evaluation.onManifest(file.getFileName().toString()),
					notes);
		}
		notes.add(testIds.isPresent()
				? "the " + genre + " songs of " + file.getFileName() + " whose ids " + SPLITS_FILE + " lists as test ("
						+ songs.size() + " of " + testIds.get().size() + ")"
				: "no " + SPLITS_FILE + " beside the model: the rows " + file.getFileName()
						+ " marks split=test (" + songs.size() + ")");
		return new Chosen(songs, dev.hitter.models.evaluation.Evaluation.TEST_SPLIT, notes);
	}

	/**
	 * The test split of a demonstration version, synthesised again from its card: the same seed, song count and label
	 * noise give the same songs, and the trainer's split (or the version's split record) the same test songs. The
	 * counts are checked against the card's.
	 */
	public static Chosen demonstrationTestSplit(ModelCard card, Genre genre, Optional<Set<String>> testIds)
			throws IOException {
		ModelCard.TrainingData data = card.trainingData();
		if (data == null || !"synthetic-demo".equals(data.source())) {
			throw new IOException("the version was not trained on demonstration songs (source "
					+ (data == null ? "unknown" : data.source()) + "): give the data with --manifest <file>");
		}
		List<String> notes = new ArrayList<>();
		Matcher noise = LABEL_NOISE.matcher(data.description() == null ? "" : data.description());
		double labelNoise = 0.03;
		if (noise.find()) {
			labelNoise = Double.parseDouble(noise.group(1));
		}
		else {
			notes.add("the card does not state the label noise: assumed the demo default 0.03");
		}
		List<Song> all = new DemoSongs(data.seed(), labelNoise).generate(genre, data.examples());
		List<Song> test = new ArrayList<>();
		String how;
		if (testIds.isPresent()) {
			for (Song song : all) {
				if (testIds.get().contains(song.id())) {
					test.add(song);
				}
			}
			how = "its test ids from " + SPLITS_FILE;
		}
		else {
			for (Song song : SplitAssignment.assign(all, data.seed())) {
				if (song.split() == Split.TEST) {
					test.add(song);
				}
			}
			how = "no " + SPLITS_FILE + " beside the model, so the test split re-derived with the trainer's split (seed "
					+ data.seed() + ")";
		}
		long positives = all.stream().filter(Song::hit).count();
		if (all.size() != data.examples() || positives != data.positives()
				|| data.split() != null && test.size() != data.split().test()) {
			throw new IOException(String.format(Locale.ROOT, "regenerating the demonstration songs gave %d songs "
					+ "(%d hits) and a test split of %d, but the card says %d (%d) and %d: the generator or the split "
					+ "changed since this version was trained; evaluate it on a manifest instead", all.size(), positives,
					test.size(), data.examples(), data.positives(), data.split() == null ? -1 : data.split().test()));
		}
		notes.add(String.format(Locale.ROOT, "demonstration songs regenerated from the card (%d %s songs, seed %d, label "
				+ "noise %.2f; counts match the card), %s: %d test songs", data.examples(), genre, data.seed(),
				labelNoise, how, test.size()));
		return new Chosen(test, dev.hitter.models.evaluation.Evaluation.TEST_SPLIT, notes);
	}
}
