package dev.hitter.trainer.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import dev.hitter.features.lyrics.LyricsEncoder;
import dev.hitter.features.lyrics.LyricsRejectedException;
import dev.hitter.features.lyrics.LyricsSpec;
import dev.hitter.features.lyrics.Vocabulary;
import dev.hitter.models.Combination;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.Signatures;
import dev.hitter.models.evaluation.HeldOutScores;
import dev.hitter.trainer.data.MelSource;
import dev.hitter.trainer.data.Song;

/**
 * Scores songs with a model-set version as exported: loads both SavedModels from disk (tag {@code serve}, signature
 * {@code serving_default}) with TF Java, applies each card's Platt calibration to the raw logits and combines them
 * with {@code combination.json}, the same arithmetic as the server's {@code GenreModels}.
 *
 * <p>Why not the server's own classes: the serving module's integration test runs this module's jar, so this module
 * cannot depend on it (a Maven cycle). The server runs the same SavedModels through DJL's TensorFlow engine, which
 * wraps the same TensorFlow 2.10.1 runtime; {@code TrainThenServeIT} checks that trainer and server agree on raw,
 * calibrated and combined probabilities.
 */
public final class SavedModelScorer {

	/** What the evaluation records as how the songs were scored. */
	public static final String SCORED_BY = "the exported SavedModels loaded from the version folder with TF Java 0.5.0 "
			+ "(TensorFlow 2.10.1, as the server's DJL engine), calibrated with the cards' Platt scaling and combined "
			+ "with combination.json as the server's GenreModels does";

	private static final int BATCH = 64;

	private SavedModelScorer() {
	}

	/** Scores {@code songs} (each needs a mel) with the version in {@code versionDir}. */
	public static HeldOutScores score(ModelSetLayout layout, Path versionDir, List<Song> songs, PrintStream progress)
			throws IOException {
		ModelCard audioCard = ModelFiles.readCard(layout.card(versionDir, ModelKind.AUDIO));
		ModelCard lyricsCard = ModelFiles.readCard(layout.card(versionDir, ModelKind.LYRICS));
		Combination combination = ModelFiles.readCombination(layout.combination(versionDir));
		int n = songs.size();
		float[] audioLogits = audioLogits(layout.model(versionDir, ModelKind.AUDIO), songs);
		float[] lyricsLogits = lyricsLogits(layout.model(versionDir, ModelKind.LYRICS), lyricsCard,
				Vocabulary.load(layout.vocabulary(versionDir)), songs, progress);
		boolean lyricsTrained = lyricsCard.test() != null && lyricsCard.trainingData() != null
				&& lyricsCard.trainingData().examples() > 0;
		boolean[] hits = new boolean[n];
		double[] audio = new double[n];
		double[] lyrics = lyricsTrained ? new double[n] : null;
		double[] combined = new double[n];
		for (int i = 0; i < n; i++) {
			hits[i] = songs.get(i).hit();
			double audioLogit = audioCard.calibration().logit(audioLogits[i]);
			double lyricsLogit = lyricsCard.calibration().logit(lyricsLogits[i]);
			audio[i] = audioCard.calibration().probability(audioLogits[i]);
			if (lyrics != null) {
				lyrics[i] = lyricsCard.calibration().probability(lyricsLogits[i]);
			}
			combined[i] = combination.probability(audioLogit, lyricsLogit);
		}
		return new HeldOutScores(hits, audio, lyrics, combined);
	}

	/** The raw audio logits (before calibration) of the songs' mels. */
	public static float[] audioLogits(Path modelDir, List<Song> songs) throws IOException {
		int cells = MelSource.FRAMES * MelSource.BANDS;
		float[] logits = new float[songs.size()];
		try (SavedModelBundle bundle = SavedModelBundle.load(modelDir.toString(), Signatures.TAG)) {
			SessionFunction function = bundle.function(Signatures.KEY);
			for (int from = 0; from < songs.size(); from += BATCH) {
				int to = Math.min(songs.size(), from + BATCH);
				float[] batch = new float[(to - from) * cells];
				for (int i = from; i < to; i++) {
					Song song = songs.get(i);
					if (song.mel() == null) {
						throw new IOException("song " + song.id() + " has no mel to score");
					}
					System.arraycopy(song.mel().framesFirst(), 0, batch, (i - from) * cells, cells);
				}
				try (TFloat32 input = TFloat32.tensorOf(Shape.of(to - from, MelSource.FRAMES, MelSource.BANDS),
						DataBuffers.of(batch, true, false))) {
					copyLogits(function, Signatures.AUDIO_INPUT, input, logits, from, to - from);
				}
			}
		}
		return logits;
	}

	/** The raw lyrics logits, encoded as the trainer encodes them (refused or missing lyrics: no tokens). */
	static float[] lyricsLogits(Path modelDir, ModelCard card, Vocabulary vocabulary, List<Song> songs,
			PrintStream progress) throws IOException {
		LyricsSpec spec = spec(card);
		LyricsEncoder encoder = new LyricsEncoder(spec);
		int length = spec.maxLength();
		float[] logits = new float[songs.size()];
		try (SavedModelBundle bundle = SavedModelBundle.load(modelDir.toString(), Signatures.TAG)) {
			SessionFunction function = bundle.function(Signatures.KEY);
			for (int from = 0; from < songs.size(); from += BATCH) {
				int to = Math.min(songs.size(), from + BATCH);
				int[] batch = new int[(to - from) * length];
				for (int i = from; i < to; i++) {
					Song song = songs.get(i);
					try {
						int[] ids = encoder.encode(song.lyrics() == null ? "" : song.lyrics(), vocabulary).ids();
						System.arraycopy(ids, 0, batch, (i - from) * length, length);
					}
					catch (LyricsRejectedException ex) {
						progress.printf("lyrics of %s refused (%s): read as no lyrics%n", song.id(), ex.getMessage());
					}
				}
				try (TInt32 input = TInt32.tensorOf(Shape.of(to - from, length), DataBuffers.of(batch, true, false))) {
					copyLogits(function, Signatures.LYRICS_INPUT, input, logits, from, to - from);
				}
			}
		}
		return logits;
	}

	/** The card's lyrics recipe: lyrics-v1, or the settings a test model was trained with. */
	static LyricsSpec spec(ModelCard card) {
		ModelCard.FeatureSpec feature = card.featureSpec();
		if (feature == null || LyricsSpec.V1.id().equals(feature.id())) {
			return LyricsSpec.V1;
		}
		Map<String, Object> settings = feature.settings();
		return new LyricsSpec(feature.id(), number(settings, "maxLength", LyricsSpec.V1.maxLength()),
				number(settings, "maxCharacters", LyricsSpec.V1.maxCharacters()),
				flag(settings, "stopWords", LyricsSpec.V1.stopWords()), flag(settings, "stemming",
						LyricsSpec.V1.stemming()));
	}

	private static int number(Map<String, Object> settings, String name, int fallback) {
		return settings.get(name) instanceof Number number ? number.intValue() : fallback;
	}

	private static boolean flag(Map<String, Object> settings, String name, boolean fallback) {
		return settings.get(name) instanceof Boolean value ? value : fallback;
	}

	private static void copyLogits(SessionFunction function, String inputName, Tensor input, float[] logits, int from,
			int count) {
		try (Result result = function.call(Map.of(inputName, input))) {
			TFloat32 logit = (TFloat32) result.get(Signatures.LOGIT)
				.orElseThrow(() -> new IllegalStateException("the SavedModel has no output '" + Signatures.LOGIT + "'"));
			float[] values = new float[(int) logit.shape().size()];
			logit.read(DataBuffers.of(values, false, false));
			if (values.length != count) {
				throw new IllegalStateException("expected " + count + " logits, the model gave " + values.length);
			}
			System.arraycopy(values, 0, logits, from, count);
		}
	}
}
