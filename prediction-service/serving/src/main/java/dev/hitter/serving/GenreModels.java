package dev.hitter.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import dev.hitter.features.lyrics.EncodedLyrics;
import dev.hitter.features.lyrics.EncodedToken;
import dev.hitter.features.lyrics.LyricsSpec;
import dev.hitter.features.lyrics.Vocabulary;
import dev.hitter.features.mel.MelSpec;
import dev.hitter.features.mel.MelSpectrogram;
import dev.hitter.models.Combination;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.PlattCalibration;
import dev.hitter.models.Signatures;

/**
 * One genre's model set, loaded and ready to score: the audio CNN, the lyrics CNN with its vocabulary, and how
 * their scores combine. Thread-safe; every score names the model that gave it.
 *
 * <p>Obtain it from the {@link ModelRegistry} for each request rather than keeping it: when a newer version is
 * loaded this one is retired, and calls to it after that are refused with {@link ModelsUnavailableException}.
 */
public final class GenreModels {

	/** The spectrogram the audio model reads: melon-v1, 30 seconds, time-major. */
	public static final MelSpec AUDIO_SPEC = MelSpec.MELON_V1;

	/** Frames of the 30-second segment: {@code 1 + 30·16000/256}. */
	public static final int AUDIO_FRAMES = AUDIO_SPEC.frameCount(30 * AUDIO_SPEC.sampleRate());

	/** The segment's length in seconds, frame centre to frame centre, which the audio contributions cover evenly. */
	public static final double SEGMENT_SECONDS = (double) (AUDIO_FRAMES - 1) * AUDIO_SPEC.hopLength()
			/ AUDIO_SPEC.sampleRate();

	/** The lyrics encoding the lyrics model reads. */
	public static final LyricsSpec LYRICS_SPEC = LyricsSpec.V1;

	private final Genre genre;

	private final String version;

	private final HitModel audio;

	private final HitModel lyrics;

	private final Vocabulary vocabulary;

	private final Combination combination;

	/** The audio network's output bias: its logit minus its contributions, the same for every input. */
	private final double audioOutputBias;

	/** The lyrics network's output bias, likewise. */
	private final double lyricsOutputBias;

	private GenreModels(Genre genre, String version, HitModel audio, HitModel lyrics, Vocabulary vocabulary,
			Combination combination) {
		this.genre = genre;
		this.version = version;
		this.audio = audio;
		this.lyrics = lyrics;
		this.vocabulary = vocabulary;
		this.combination = combination;
		// The signature exports the logit and its contributions but not the bias between them; one probe each tells
		// it. The lyrics probe is all padding (every contribution 0, so the logit is the bias itself); for the
		// audio any input does, a silent one is as good as another.
		this.audioOutputBias = outputBias(audio.run(manager -> named(
				manager.zeros(new Shape(1, AUDIO_FRAMES, AUDIO_SPEC.bands())), Signatures.AUDIO_INPUT)));
		this.lyricsOutputBias = outputBias(lyrics.run(manager -> named(
				manager.zeros(new Shape(1, LYRICS_SPEC.maxLength()), DataType.INT32), Signatures.LYRICS_INPUT)));
	}

	private static double outputBias(HitModel.Outputs probe) {
		return probe.logit()[0] - sum(probe.contributions()[0]);
	}

	private static double sum(float[] values) {
		double sum = 0;
		for (float value : values) {
			sum += value;
		}
		return sum;
	}

	/**
	 * Loads a complete model-set version, checking first that its cards describe this genre and the inputs this
	 * server makes (a model fed a different recipe than it was trained on would answer nonsense).
	 */
	static GenreModels load(ModelSetLayout layout, Genre genre, Path versionDir, int poolSize,
			Duration borrowTimeout) throws IOException {
		String version = versionDir.getFileName().toString();
		ModelCard audioCard = ModelFiles.readCard(layout.card(versionDir, ModelKind.AUDIO));
		ModelCard lyricsCard = ModelFiles.readCard(layout.card(versionDir, ModelKind.LYRICS));
		check(audioCard, genre, ModelKind.AUDIO, AUDIO_SPEC.id(), versionDir);
		check(lyricsCard, genre, ModelKind.LYRICS, LYRICS_SPEC.id(), versionDir);
		Vocabulary vocabulary = Vocabulary.load(layout.vocabulary(versionDir));
		String expected = lyricsCard.featureSpec().vocabularySha256();
		if (expected != null && !expected.equalsIgnoreCase(vocabulary.fingerprint())) {
			throw new IOException(versionDir + ": vocabulary.txt has SHA-256 " + vocabulary.fingerprint()
					+ " but the lyrics card was trained with " + expected);
		}
		Combination combination = ModelFiles.readCombination(layout.combination(versionDir));
		HitModel audio = HitModel.load(layout.model(versionDir, ModelKind.AUDIO), audioCard, version,
				Signatures.AUDIO_CONTRIBUTIONS, poolSize, borrowTimeout);
		try {
			HitModel lyrics = HitModel.load(layout.model(versionDir, ModelKind.LYRICS), lyricsCard, version,
					Signatures.LYRICS_CONTRIBUTIONS, poolSize, borrowTimeout);
			try {
				return new GenreModels(genre, version, audio, lyrics, vocabulary, combination);
			}
			catch (RuntimeException ex) {
				lyrics.retire();
				throw ex;
			}
		}
		catch (IOException | RuntimeException ex) {
			audio.retire();
			throw ex;
		}
	}

	/**
	 * Whether a version can be served: loads it exactly as the {@link ModelRegistry} would (cards checked, both
	 * SavedModels in DJL's TensorFlow engine, one predictor each), runs each model once on silence and on empty lyrics,
	 * then closes it. Call {@link TensorFlowNatives#install} first.
	 *
	 * @throws IOException (or a runtime exception from the engine) saying why it cannot be served
	 */
	public static void checkServable(ModelSetLayout layout, Genre genre, Path versionDir) throws IOException {
		GenreModels models = load(layout, genre, versionDir, 1, Duration.ofSeconds(30));
		try {
			models.scoreAudio(new MelSpectrogram(AUDIO_SPEC.id(), AUDIO_SPEC.bands(), AUDIO_FRAMES,
					new float[AUDIO_SPEC.bands() * AUDIO_FRAMES]));
			models.scoreLyrics(new EncodedLyrics(LYRICS_SPEC.id(), new int[LYRICS_SPEC.maxLength()], List.of(), 0,
					false));
		}
		finally {
			models.retire();
		}
	}

	private static void check(ModelCard card, Genre genre, ModelKind kind, String featureSpec, Path versionDir)
			throws IOException {
		if (card.genre() != genre || card.kind() != kind) {
			throw new IOException(versionDir + ": the " + kind.folder() + " card describes a " + card.genre() + " "
					+ card.kind() + " model");
		}
		String spec = card.featureSpec() == null ? null : card.featureSpec().id();
		if (!featureSpec.equals(spec)) {
			throw new IOException(versionDir + ": the " + kind.folder() + " model was trained on features '" + spec
					+ "', this server makes '" + featureSpec + "'");
		}
		if (card.calibration() == null) {
			throw new IOException(versionDir + ": the " + kind.folder() + " card has no calibration");
		}
	}

	public Genre genre() {
		return genre;
	}

	/** The model-set version folder, e.g. {@code v20261127-201500}. */
	public String version() {
		return version;
	}

	public ModelCard audioCard() {
		return audio.card();
	}

	public ModelCard lyricsCard() {
		return lyrics.card();
	}

	public ModelReference audioModel() {
		return audio.reference();
	}

	public ModelReference lyricsModel() {
		return lyrics.reference();
	}

	/** The vocabulary to encode lyrics with (with {@link #LYRICS_SPEC}) before {@link #scoreLyrics}. */
	public Vocabulary vocabulary() {
		return vocabulary;
	}

	public Combination combination() {
		return combination;
	}

	/** Predictors per model: how many calls of each kind run at once. */
	public int poolSize() {
		return audio.poolSize();
	}

	/** Scores one 30-second melon-v1 log-mel segment. */
	public AudioScore scoreAudio(MelSpectrogram mel) {
		return scoreAudio(List.of(mel)).get(0);
	}

	/** Scores segments as one batch, in one model call. */
	public List<AudioScore> scoreAudio(List<MelSpectrogram> mels) {
		if (mels.isEmpty()) {
			return List.of();
		}
		int cells = AUDIO_FRAMES * AUDIO_SPEC.bands();
		float[] batch = new float[mels.size() * cells];
		for (int i = 0; i < mels.size(); i++) {
			MelSpectrogram mel = mels.get(i);
			if (!AUDIO_SPEC.id().equals(mel.specId()) || mel.bands() != AUDIO_SPEC.bands()
					|| mel.frames() != AUDIO_FRAMES) {
				throw new IllegalArgumentException("the audio model reads " + AUDIO_SPEC.id() + " " + AUDIO_SPEC.bands()
						+ " × " + AUDIO_FRAMES + ", not " + mel);
			}
			System.arraycopy(mel.framesFirst(), 0, batch, i * cells, cells);
		}
		Shape shape = new Shape(mels.size(), AUDIO_FRAMES, AUDIO_SPEC.bands());
		HitModel.Outputs outputs = audio.run(manager -> named(manager.create(batch, shape), Signatures.AUDIO_INPUT));
		List<AudioScore> scores = new ArrayList<>(mels.size());
		for (int i = 0; i < mels.size(); i++) {
			float[] row = outputs.contributions()[i];
			double step = SEGMENT_SECONDS / row.length;
			List<TimeContribution> contributions = new ArrayList<>(row.length);
			for (int p = 0; p < row.length; p++) {
				contributions.add(new TimeContribution(p * step, (p + 1) * step, row[p]));
			}
			double logit = outputs.logit()[i];
			scores.add(new AudioScore(audio.reference(), logit, outputs.probability()[i],
					audio.card().calibration().probability(logit), contributions));
		}
		return scores;
	}

	/** Scores one song's lyrics, encoded with {@link #LYRICS_SPEC} and {@link #vocabulary()}. */
	public LyricsScore scoreLyrics(EncodedLyrics encoded) {
		return scoreLyrics(List.of(encoded)).get(0);
	}

	/** Scores songs' lyrics as one batch, in one model call. */
	public List<LyricsScore> scoreLyrics(List<EncodedLyrics> songs) {
		if (songs.isEmpty()) {
			return List.of();
		}
		int length = LYRICS_SPEC.maxLength();
		int[] batch = new int[songs.size() * length];
		for (int i = 0; i < songs.size(); i++) {
			EncodedLyrics song = songs.get(i);
			int[] ids = song.ids();
			if (!LYRICS_SPEC.id().equals(song.specId()) || ids.length != length) {
				throw new IllegalArgumentException("the lyrics model reads " + LYRICS_SPEC.id() + " (" + length
						+ " ids), not " + song.specId() + " (" + ids.length + " ids)");
			}
			for (int id : ids) {
				if (id < 0 || id >= vocabulary.size()) {
					throw new IllegalArgumentException("token id " + id + " is not in this model's vocabulary of "
							+ vocabulary.size() + ": encode with GenreModels.vocabulary()");
				}
			}
			System.arraycopy(ids, 0, batch, i * length, length);
		}
		Shape shape = new Shape(songs.size(), length);
		HitModel.Outputs outputs = lyrics.run(manager -> named(manager.create(batch, shape), Signatures.LYRICS_INPUT));
		List<LyricsScore> scores = new ArrayList<>(songs.size());
		for (int i = 0; i < songs.size(); i++) {
			EncodedLyrics song = songs.get(i);
			float[] row = outputs.contributions()[i];
			List<TokenContribution> contributions = new ArrayList<>(song.length());
			for (int p = 0; p < song.length(); p++) {
				EncodedToken token = song.tokens().get(p);
				contributions.add(new TokenContribution(p, token.surface(), token.key(),
						token.id() != Vocabulary.UNKNOWN_ID, row[p]));
			}
			double logit = outputs.logit()[i];
			scores.add(new LyricsScore(lyrics.reference(), logit, outputs.probability()[i],
					lyrics.card().calibration().probability(logit), contributions, song.unknownCount(),
					song.truncated()));
		}
		return scores;
	}

	/** The song's hit probability from both scores, combined as this model set's combination says. */
	public HitScore combine(AudioScore audioScore, LyricsScore lyricsScore) {
		Objects.requireNonNull(audioScore, "audioScore");
		Objects.requireNonNull(lyricsScore, "lyricsScore");
		if (!audioScore.model().equals(audio.reference()) || !lyricsScore.model().equals(lyrics.reference())) {
			throw new IllegalArgumentException("both scores must come from this model set (" + genre + " " + version
					+ ")");
		}
		double audioLogit = audio.card().calibration().logit(audioScore.logit());
		double lyricsLogit = lyrics.card().calibration().logit(lyricsScore.logit());
		return new HitScore(genre, version, audioScore, lyricsScore, combination.probability(audioLogit, lyricsLogit),
				combination.audioShare(audioLogit, lyricsLogit), combination,
				attribute(audioScore, lyricsScore, audioLogit, lyricsLogit));
	}

	/**
	 * Carries both models' contributions into the combined, calibrated logit: the combination and the calibrations
	 * are linear in the raw logits, so each contribution scales by its model's weight times its calibration slope
	 * and every constant goes into one bias. What the networks' contributions do not add up to is kept as the
	 * residual.
	 */
	private HitAttribution attribute(AudioScore audioScore, LyricsScore lyricsScore, double audioLogit,
			double lyricsLogit) {
		PlattCalibration audioCalibration = audio.card().calibration();
		PlattCalibration lyricsCalibration = lyrics.card().calibration();
		double audioScale = combination.audioWeight() * audioCalibration.a();
		double lyricsScale = combination.lyricsWeight() * lyricsCalibration.a();
		double bias = combination.audioWeight() * audioCalibration.logit(audioOutputBias)
				+ combination.lyricsWeight() * lyricsCalibration.logit(lyricsOutputBias) + combination.bias();

		List<TimeContribution> audioShares = new ArrayList<>(audioScore.contributions().size());
		double audioRaw = 0;
		for (TimeContribution c : audioScore.contributions()) {
			audioShares.add(c.scaled(audioScale));
			audioRaw += c.logit();
		}
		List<TokenContribution> words = new ArrayList<>(lyricsScore.contributions().size());
		double lyricsRaw = 0;
		int unknownCount = 0;
		double unknownRaw = 0;
		for (TokenContribution c : lyricsScore.contributions()) {
			lyricsRaw += c.logit();
			if (c.known()) {
				words.add(c.scaled(lyricsScale));
			}
			else {
				unknownCount++;
				unknownRaw += c.logit();
			}
		}
		double residual = audioScale * (audioScore.logit() - audioRaw - audioOutputBias)
				+ lyricsScale * (lyricsScore.logit() - lyricsRaw - lyricsOutputBias);
		return new HitAttribution(combination.audioWeight() * audioLogit + combination.lyricsWeight() * lyricsLogit
				+ combination.bias(), bias, audioShares, words, new UnknownWords(unknownCount, lyricsScale * unknownRaw),
				residual);
	}

	/** Stops serving; each model is closed once its calls in flight are done. */
	void retire() {
		audio.retire();
		lyrics.retire();
	}

	boolean isClosed() {
		return audio.isClosed() && lyrics.isClosed();
	}

	private static NDArray named(NDArray array, String name) {
		array.setName(name);
		return array;
	}

	@Override
	public String toString() {
		return "GenreModels[" + genre + " " + version + "]";
	}
}
