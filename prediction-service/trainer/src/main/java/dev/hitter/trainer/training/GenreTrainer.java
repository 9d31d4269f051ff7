package dev.hitter.trainer.training;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.hitter.features.lyrics.LyricsEncoder;
import dev.hitter.features.lyrics.LyricsRejectedException;
import dev.hitter.features.lyrics.LyricsSpec;
import dev.hitter.features.lyrics.Vocabulary;
import dev.hitter.features.mel.MelSpec;
import dev.hitter.models.BinaryMetrics;
import dev.hitter.models.Combination;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.PlattCalibration;
import dev.hitter.models.Sigmoid;
import dev.hitter.models.evaluation.Evaluation;
import dev.hitter.models.evaluation.EvaluationFiles;
import dev.hitter.models.evaluation.EvaluationReport;
import dev.hitter.models.evaluation.Evaluator;
import dev.hitter.models.evaluation.HeldOutScores;
import dev.hitter.trainer.calibration.LogisticFit;
import dev.hitter.trainer.data.MelSource;
import dev.hitter.trainer.data.Song;
import dev.hitter.trainer.data.Split;
import dev.hitter.trainer.data.SplitAssignment;
import dev.hitter.trainer.data.SplitRecord;
import dev.hitter.trainer.data.TrainingSet;
import dev.hitter.trainer.modelset.ParityFiles;
import dev.hitter.trainer.network.AudioNetwork;
import dev.hitter.trainer.network.LyricsNetwork;
import dev.hitter.trainer.network.Predictions;

/**
 * Trains one genre's audio and lyrics CNNs, calibrates each (Platt on the validation split), fits their
 * combination, and writes a new model-set version: built in a hidden sibling folder and renamed into place in one
 * atomic step, so the server never sees half a version and the served one is never touched.
 */
public final class GenreTrainer {

	static final String FORMAT = "TensorFlow SavedModel (TF 2.10.1, written by TF Java 0.5.0), tag serve, "
			+ "signature serving_default";

	/** How the end-of-training evaluation scored the test split. */
	static final String SCORED_BY = "the trainer (TF Java 0.5.0, the session the SavedModels were exported from), "
			+ "raw logits calibrated with the cards' Platt scaling and combined with combination.json as the server does";

	private static final int STATISTICS_SONGS = 256;

	private final TrainingSettings settings;

	private final PrintStream progress;

	public GenreTrainer(TrainingSettings settings, PrintStream progress) {
		this.settings = settings;
		this.progress = progress;
	}

	public TrainedVersion train(TrainingSet set, ModelSetLayout layout) throws IOException {
		long started = System.nanoTime();
		Genre genre = set.genre();
		SplitAssignment.Assigned assigned = SplitAssignment.assign(set.songs(), set.splitStrategy(), settings.seed());
		List<Song> songs = assigned.songs();
		int positives = (int) songs.stream().filter(Song::hit).count(); // a time split leaves undated songs out
		List<Song> train = part(songs, Split.TRAIN);
		List<Song> validation = part(songs, Split.VALIDATION);
		List<Song> test = part(songs, Split.TEST);
		requireBothLabels(validation, "validation");
		requireBothLabels(test, "test");
		requireBothLabels(train, "train");
		progress.printf("%s: %d songs (%d hits): %d train, %d validation, %d test (%s split)%n", genre, songs.size(),
				positives, train.size(), validation.size(), test.size(), assigned.strategy().id());

		Path genreDir = layout.genre(genre);
		Files.createDirectories(genreDir);
		Instant now = Instant.now();
		String version = freeVersion(genreDir, ModelSetLayout.versionAt(now));
		Path partial = genreDir.resolve("." + version + ".partial");
		deleteTree(partial);
		Files.createDirectories(partial);
		try {
			SplitRecord.write(partial, set, assigned);
			ModelCard.Split split = new ModelCard.Split(train.size(), validation.size(), test.size(),
					assigned.method());
			ModelCard.TrainingData data = new ModelCard.TrainingData(set.source(), set.description(), songs.size(),
					positives, set.labelRule(), split, settings.seed());

			Calibrated audio = trainAudio(genre, version, train, validation, test, layout.model(partial,
					ModelKind.AUDIO), data, set.demonstration());
			Calibrated lyrics = trainLyrics(genre, version, train, validation, test, partial, layout, data, set);

			Combination combination;
			if (lyrics.trained()) {
				combination = LogisticFit.combination(audio.validationLogits(), lyrics.validationLogits(),
						hits(validation));
			}
			else {
				combination = new Combination("audio only: the training data has no lyrics, so the lyrics model "
						+ "is a constant stand-in with weight 0", 1, 0, 0);
			}
			BinaryMetrics combinedValidation = BinaryMetrics.of(
					combine(combination, audio.validationLogits(), lyrics.validationLogits()), hits(validation));
			BinaryMetrics combinedTest = BinaryMetrics.of(
					combine(combination, audio.testLogits(), lyrics.testLogits()), hits(test));
			ModelFiles.write(layout.combination(partial), combination);
			if (settings.parity() > 0) {
				int n = Math.min(settings.parity(), test.size());
				double[] combined = Arrays.copyOf(combine(combination, audio.testLogits(), lyrics.testLogits()), n);
				ParityFiles.writeCalibrated(layout.model(partial, ModelKind.AUDIO),
						Arrays.copyOf(probabilities(audio.testLogits()), n), combined);
				ParityFiles.writeCalibrated(layout.model(partial, ModelKind.LYRICS),
						Arrays.copyOf(probabilities(lyrics.testLogits()), n), combined);
			}
			progress.printf("%s combined (%s): validation AUC %.4f, test AUC %.4f, test accuracy %.3f%n", genre,
					String.format(Locale.ROOT, "%.2f·audio + %.2f·lyrics + %.2f", combination.audioWeight(),
							combination.lyricsWeight(), combination.bias()),
					combinedValidation.rocAuc(), combinedTest.rocAuc(), combinedTest.accuracy());

			double seconds = (System.nanoTime() - started) / 1e9;
			Instant finished = Instant.now();
			ModelCard audioCard = withTime(audio.card(), finished, audio.seconds());
			ModelCard lyricsCard = withTime(lyrics.card(), finished, lyrics.seconds());
			ModelFiles.write(layout.card(partial, ModelKind.AUDIO), audioCard);
			ModelFiles.write(layout.card(partial, ModelKind.LYRICS), lyricsCard);
			Evaluation evaluation = evaluate(genre, version, partial, layout, test, audio, lyrics, combination);
			audioCard = ModelFiles.readCard(layout.card(partial, ModelKind.AUDIO));
			lyricsCard = ModelFiles.readCard(layout.card(partial, ModelKind.LYRICS));
			if (!layout.isComplete(partial)) {
				throw new IOException("the version built in " + partial + " is incomplete");
			}
			Path target = genreDir.resolve(version);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			progress.printf("%s: wrote %s (%.1f s)%n", genre, target, seconds);
			return new TrainedVersion(target, version, audioCard, lyricsCard, combination, combinedValidation,
					combinedTest, evaluation);
		}
		finally {
			deleteTree(partial);
		}
	}

	/**
	 * The evaluation every training ends with: the test split's calibrated and combined probabilities with bootstrap
	 * intervals (seeded by the training seed), written as evaluation.json, pictures and the cards' evaluation section.
	 */
	private Evaluation evaluate(Genre genre, String version, Path partial, ModelSetLayout layout, List<Song> test,
			Calibrated audio, Calibrated lyrics, Combination combination) throws IOException {
		double[] audioProbabilities = probabilities(audio.testLogits());
		double[] lyricsProbabilities = lyrics.trained() ? probabilities(lyrics.testLogits()) : null;
		HeldOutScores scores = new HeldOutScores(hits(test), audioProbabilities, lyricsProbabilities,
				combine(combination, audio.testLogits(), lyrics.testLogits()));
		Evaluator.Settings evaluation = Evaluator.Settings.defaults(settings.seed());
		Evaluation result = Evaluator.evaluate(scores, Evaluation.TEST_SPLIT, evaluation, Instant.now());
		EvaluationFiles.record(layout, partial, result, scores, genre + " " + version, evaluation.describe(test.size()),
				SCORED_BY);
		progress.print(EvaluationReport.text(genre + " " + version, result));
		return result;
	}

	private static double[] probabilities(double[] calibratedLogits) {
		double[] out = new double[calibratedLogits.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = Sigmoid.of(calibratedLogits[i]);
		}
		return out;
	}

	/** One calibrated model: its card (time fields filled later) and its calibrated held-out logits. */
	private record Calibrated(ModelCard card, double[] validationLogits, double[] testLogits, boolean trained,
			double seconds) {
	}

	private Calibrated trainAudio(Genre genre, String version, List<Song> train, List<Song> validation,
			List<Song> test, Path folder, ModelCard.TrainingData data, boolean demonstration) throws IOException {
		long started = System.nanoTime();
		float[][] statistics = bandStatistics(train);
		try (AudioNetwork network = new AudioNetwork(MelSource.FRAMES, MelSource.BANDS, statistics[0], statistics[1],
				settings.audioSizes(), settings.seed(), settings.l2(), settings.learningRate(), settings.threads())) {
			TrainingLoop.Outcome outcome = TrainingLoop.fit(network, mels(train), hits(train), mels(validation),
					hits(validation), settings, genre + " audio", progress);
			Predictions onValidation = TrainingLoop.predict(network, mels(validation));
			Predictions onTest = TrainingLoop.predict(network, mels(test));
			PlattCalibration platt = LogisticFit.platt(TrainingLoop.toDouble(onValidation.logits()), hits(validation));
			network.export(folder);
			if (settings.parity() > 0) {
				List<Song> chosen = test.subList(0, Math.min(settings.parity(), test.size()));
				List<float[]> inputs = new ArrayList<>(mels(chosen));
				ParityFiles.writeAudio(folder, chosen.stream().map(Song::id).toList(),
						chosen.stream().map(Song::hit).toList(), inputs, MelSource.FRAMES,
						MelSource.BANDS, network.predict(inputs));
			}
			MelSpec spec = MelSpec.MELON_V1;
			Map<String, Object> featureSettings = new LinkedHashMap<>();
			featureSettings.put("sampleRate", spec.sampleRate());
			featureSettings.put("frameLength", spec.frameLength());
			featureSettings.put("hopLength", spec.hopLength());
			featureSettings.put("bands", spec.bands());
			featureSettings.put("minHz", spec.minHz());
			featureSettings.put("maxHz", spec.maxHz());
			featureSettings.put("logScale", spec.logScale());
			featureSettings.put("frames", MelSource.FRAMES);
			featureSettings.put("layout", "time-major [frames, bands]");
			featureSettings.put("timePositions", network.positions());
			featureSettings.put("secondsPerTimePosition", network.secondsPerPosition(spec.hopLength() / (double) spec.sampleRate()));
			report(genre + " audio", platt, calibratedMetrics(platt, onValidation, validation),
					calibratedMetrics(platt, onTest, test));
			ModelCard card = card(genre, ModelKind.AUDIO, version, network.architecture() + " " + recipe(outcome),
					new ModelCard.FeatureSpec(spec.id(), featureSettings, null, null), data,
					calibratedMetrics(platt, onValidation, validation), calibratedMetrics(platt, onTest, test), platt,
					outcome.epochsRun(), demonstration, null, hyperParameters(audioNetwork(settings.audioSizes())));
			return new Calibrated(card, calibrated(platt, onValidation), calibrated(platt, onTest), true,
					(System.nanoTime() - started) / 1e9);
		}
	}

	private Calibrated trainLyrics(Genre genre, String version, List<Song> train, List<Song> validation,
			List<Song> test, Path partial, ModelSetLayout layout, ModelCard.TrainingData data, TrainingSet set)
			throws IOException {
		long started = System.nanoTime();
		LyricsSpec spec = settings.lyricsSpec();
		LyricsEncoder encoder = new LyricsEncoder(spec);
		boolean trained = set.hasLyrics();
		Vocabulary vocabulary;
		if (trained) {
			List<List<String>> keys = new ArrayList<>();
			for (Song song : train) {
				keys.add(keysOf(encoder, song));
			}
			vocabulary = Vocabulary.build(keys, settings.minTokenCount(), settings.maxVocabulary());
		}
		else {
			vocabulary = Vocabulary.of(List.of());
		}
		vocabulary.save(layout.vocabulary(partial));
		Path folder = layout.model(partial, ModelKind.LYRICS);
		try (LyricsNetwork network = new LyricsNetwork(spec.maxLength(), vocabulary.size(), settings.lyricsSizes(),
				settings.seed() + 1, settings.l2(), settings.learningRate(), settings.threads())) {
			List<int[]> trainIds = ids(encoder, vocabulary, train);
			List<int[]> validationIds = ids(encoder, vocabulary, validation);
			List<int[]> testIds = ids(encoder, vocabulary, test);
			TrainingLoop.Outcome outcome;
			PlattCalibration platt;
			if (trained) {
				progress.printf("%s lyrics: vocabulary of %,d ids (%s)%n", genre, vocabulary.size(),
						vocabulary.fingerprint().substring(0, 12));
				outcome = TrainingLoop.fit(network, trainIds, hits(train), validationIds, hits(validation), settings,
						genre + " lyrics", progress);
			}
			else {
				progress.printf("%s lyrics: no lyrics in the training data; writing a constant (untrained) model%n",
						genre);
				network.silence();
				outcome = new TrainingLoop.Outcome(0, 0, Double.NaN, 0);
			}
			Predictions onValidation = TrainingLoop.predict(network, validationIds);
			Predictions onTest = TrainingLoop.predict(network, testIds);
			platt = trained ? LogisticFit.platt(TrainingLoop.toDouble(onValidation.logits()), hits(validation))
					: PlattCalibration.IDENTITY;
			network.export(folder);
			if (settings.parity() > 0) {
				int n = Math.min(settings.parity(), test.size());
				List<int[]> inputs = testIds.subList(0, n);
				ParityFiles.writeLyrics(folder, test.subList(0, n).stream().map(Song::id).toList(),
						test.subList(0, n).stream().map(Song::hit).toList(), inputs,
						spec.maxLength(), network.predict(inputs));
			}
			Map<String, Object> featureSettings = new LinkedHashMap<>();
			featureSettings.put("maxLength", spec.maxLength());
			featureSettings.put("maxCharacters", spec.maxCharacters());
			featureSettings.put("stopWords", spec.stopWords());
			featureSettings.put("stemming", spec.stemming());
			featureSettings.put("vocabularySize", vocabulary.size());
			featureSettings.put("minTokenCount", settings.minTokenCount());
			ModelCard.FeatureSpec featureSpec = new ModelCard.FeatureSpec(spec.id(), featureSettings,
					ModelSetLayout.VOCABULARY, vocabulary.fingerprint());
			String architecture = network.architecture() + " " + (trained ? recipe(outcome)
					: "Not trained: every weight is zero, so it always answers logit 0 (probability 0.5).");
			String notice = trained ? null
					: "lyrics model not trained: the training data has no lyrics; it always answers 0.5 and the "
							+ "combination gives it weight 0";
			ModelCard.TrainingData lyricsData = trained ? data
					: new ModelCard.TrainingData(data.source(), data.description() + " No lyrics: this model was not "
							+ "trained.", 0, 0, data.labelRule(), new ModelCard.Split(0, 0, 0, data.split().method()),
							data.seed());
			if (trained) {
				report(genre + " lyrics", platt, calibratedMetrics(platt, onValidation, validation),
						calibratedMetrics(platt, onTest, test));
			}
			ModelCard card = card(genre, ModelKind.LYRICS, version, architecture, featureSpec, lyricsData,
					trained ? calibratedMetrics(platt, onValidation, validation) : null,
					trained ? calibratedMetrics(platt, onTest, test) : null, platt, outcome.epochsRun(),
					set.demonstration(), notice, hyperParameters(lyricsNetwork(settings.lyricsSizes())));
			return new Calibrated(card, calibrated(platt, onValidation), calibrated(platt, onTest), trained,
					trained ? (System.nanoTime() - started) / 1e9 : 0);
		}
	}

	private void report(String name, PlattCalibration platt, BinaryMetrics validation, BinaryMetrics test) {
		progress.printf(Locale.ROOT, "%s: Platt a=%.3f b=%.3f; calibrated validation AUC %.4f, test AUC %.4f, "
				+ "test accuracy %.3f, test ECE %.3f%n", name, platt.a(), platt.b(), validation.rocAuc(), test.rocAuc(),
				test.accuracy(), test.expectedCalibrationError());
	}

	private String recipe(TrainingLoop.Outcome outcome) {
		return String.format(Locale.ROOT, "Trained with Adam (learning rate %s), mini-batches of %d, L2 %s on weights, "
				+ "stable sigmoid cross-entropy; early stopping on validation ROC AUC (patience %d): best epoch %d of "
				+ "%d run.", settings.learningRate(), settings.batchSize(), settings.l2(), settings.patience(),
				outcome.bestEpoch(), outcome.epochsRun());
	}

	private ModelCard card(Genre genre, ModelKind kind, String version, String architecture,
			ModelCard.FeatureSpec featureSpec, ModelCard.TrainingData data, BinaryMetrics validation,
			BinaryMetrics test, PlattCalibration platt, int epochs, boolean demonstration, String notice,
			ModelCard.HyperParameters hyperParameters) {
		String modelId = genre.name().toLowerCase(Locale.ROOT) + "-" + kind.folder() + "-" + version;
		String use = demonstration
				? "Demonstration only: shows how HITTER scores and explains a " + genre + " track's " + kind.folder()
						+ ". Trained on synthetic songs, it says nothing about real hits."
				: "Estimates how likely a " + genre + " track is to become a hit from its " + kind.folder()
						+ " alone, as one input among many for labels, artists and producers. It learned the "
						+ "popularity patterns of its training data and cannot foresee marketing, trends or luck.";
		String text = demonstration ? ModelCard.DEMONSTRATION_NOTICE
				: notice != null ? notice : "trained on " + data.source() + " data; probabilities calibrated on its "
						+ "validation split";
		return new ModelCard(modelId, version, genre, kind, FORMAT, architecture, featureSpec, data, validation, test,
				platt, null, 0, epochs, demonstration, text, use, hyperParameters, null);
	}

	private ModelCard.HyperParameters hyperParameters(Map<String, Object> network) {
		return new ModelCard.HyperParameters(network, settings.learningRate(), settings.batchSize(), settings.epochs(),
				settings.patience(), settings.l2(), settings.threads(), settings.seed());
	}

	static Map<String, Object> audioNetwork(AudioNetwork.Sizes sizes) {
		Map<String, Object> network = new LinkedHashMap<>();
		network.put("channels", List.of(sizes.channels1(), sizes.channels2(), sizes.channels3()));
		network.put("kernelWidths", List.of(sizes.width1(), sizes.width2(), sizes.width3()));
		network.put("pool", sizes.pool());
		return network;
	}

	static Map<String, Object> lyricsNetwork(LyricsNetwork.Sizes sizes) {
		Map<String, Object> network = new LinkedHashMap<>();
		network.put("embedding", sizes.embedding());
		network.put("filters", sizes.filters());
		network.put("kernelWidths", sizes.widths());
		return network;
	}

	private static ModelCard withTime(ModelCard card, Instant trainedAt, double seconds) {
		return new ModelCard(card.modelId(), card.version(), card.genre(), card.kind(), card.format(),
				card.architecture(), card.featureSpec(), card.trainingData(), card.validation(), card.test(),
				card.calibration(), trainedAt, Math.round(seconds * 10) / 10.0, card.epochs(), card.demonstration(),
				card.notice(), card.intendedUse(), card.hyperParameters(), card.evaluation());
	}

	private static BinaryMetrics calibratedMetrics(PlattCalibration platt, Predictions predictions, List<Song> songs) {
		double[] probabilities = new double[predictions.size()];
		for (int i = 0; i < probabilities.length; i++) {
			probabilities[i] = platt.probability(predictions.logits()[i]);
		}
		return BinaryMetrics.of(probabilities, hits(songs));
	}

	private static double[] calibrated(PlattCalibration platt, Predictions predictions) {
		double[] out = new double[predictions.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = platt.logit(predictions.logits()[i]);
		}
		return out;
	}

	private static double[] combine(Combination combination, double[] audio, double[] lyrics) {
		double[] out = new double[audio.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = combination.probability(audio[i], lyrics[i]);
		}
		return out;
	}

	/** Per-band mean and deviation of (up to 256) training mels, baked into the audio graph. */
	private static float[][] bandStatistics(List<Song> train) {
		int bands = MelSource.BANDS;
		double[] sum = new double[bands];
		double[] squares = new double[bands];
		long count = 0;
		List<float[]> mels = mels(train);
		int step = Math.max(1, train.size() / STATISTICS_SONGS);
		for (int i = 0; i < train.size(); i += step) {
			float[] mel = mels.get(i);
			for (int cell = 0; cell < mel.length; cell++) {
				sum[cell % bands] += mel[cell];
				squares[cell % bands] += (double) mel[cell] * mel[cell];
			}
			count += mel.length / bands;
		}
		float[] mean = new float[bands];
		float[] scale = new float[bands];
		for (int band = 0; band < bands; band++) {
			double m = sum[band] / count;
			mean[band] = (float) m;
			scale[band] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, squares[band] / count - m * m)));
		}
		return new float[][] { mean, scale };
	}

	/** The songs' mels, read when a batch asks for them (Melon's stay on disk). */
	static List<float[]> mels(List<Song> songs) {
		return new AbstractList<>() {
			@Override
			public float[] get(int index) {
				try {
					return songs.get(index).mel().framesFirst();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

			@Override
			public int size() {
				return songs.size();
			}
		};
	}

	private List<int[]> ids(LyricsEncoder encoder, Vocabulary vocabulary, List<Song> songs) {
		List<int[]> out = new ArrayList<>(songs.size());
		for (Song song : songs) {
			try {
				out.add(encoder.encode(song.lyrics() == null ? "" : song.lyrics(), vocabulary).ids());
			}
			catch (LyricsRejectedException ex) {
				progress.printf("lyrics of %s refused (%s): read as no lyrics%n", song.id(), ex.getMessage());
				out.add(new int[encoder.spec().maxLength()]);
			}
		}
		return out;
	}

	private static List<String> keysOf(LyricsEncoder encoder, Song song) {
		if (song.lyrics() == null) {
			return List.of();
		}
		try {
			return encoder.keys(song.lyrics());
		}
		catch (LyricsRejectedException ex) {
			return List.of();
		}
	}

	static boolean[] hits(List<Song> songs) {
		boolean[] out = new boolean[songs.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = songs.get(i).hit();
		}
		return out;
	}

	private static List<Song> part(List<Song> songs, Split split) {
		return songs.stream().filter(song -> song.split() == split).toList();
	}

	private static void requireBothLabels(List<Song> songs, String name) {
		boolean hit = songs.stream().anyMatch(Song::hit);
		boolean miss = songs.stream().anyMatch(song -> !song.hit());
		if (!hit || !miss) {
			throw new IllegalArgumentException("the " + name + " split (" + songs.size() + " songs) needs both hits "
					+ "and non-hits; give more songs or other splits");
		}
	}

	/** The version name, with {@code -2}, {@code -3} … if a set was already trained in the same second. */
	private static String freeVersion(Path genreDir, String version) {
		String candidate = version;
		for (int n = 2; Files.exists(genreDir.resolve(candidate)); n++) {
			candidate = version + "-" + n;
		}
		return candidate;
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
