package dev.hitter.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.hitter.features.lyrics.EncodedLyrics;
import dev.hitter.features.lyrics.LyricsEncoder;
import dev.hitter.features.mel.MelSpectrogram;
import dev.hitter.models.Genre;
import dev.hitter.serving.AudioScore;
import dev.hitter.serving.GenreModels;
import dev.hitter.serving.LyricsScore;
import dev.hitter.serving.ModelRegistry;
import dev.hitter.serving.RegistrySettings;

/**
 * One audio-model and one lyrics-model inference, batch 1 and batch 16, through the server's own serving code (DJL's
 * TensorFlow engine, a predictor borrowed from the pool, outputs copied out and calibrated): the time a request
 * spends in the models, features excluded.
 *
 * <p>The POP set of {@code -Dhitter.benchmark.models} (default: {@code prediction-service/default-models} if it
 * holds one, else the serving tests' tiny fixture models, whose figures are the serving overhead rather than a real
 * CNN's). Run from the checkout's root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@Threads(1)
public class ModelInferenceBenchmark {

	static final Path DEFAULT_MODELS = Path.of("prediction-service/default-models");

	static final Path FIXTURE_MODELS = Path.of("prediction-service/serving/src/test/resources/model-sets/all");

	@Param({ "1", "16" })
	public int batch;

	private ModelRegistry registry;

	private GenreModels pop;

	private List<MelSpectrogram> mels;

	private List<EncodedLyrics> lyrics;

	@Setup
	public void load() {
		Path root = modelsRoot();
		registry = new ModelRegistry(new RegistrySettings(root, EnumSet.of(Genre.POP), 1, Duration.ofMinutes(1)));
		registry.refresh();
		pop = registry.models(Genre.POP);
		System.out.println("models: " + root.toAbsolutePath() + " POP " + pop.version() + " ("
				+ pop.audioCard().architecture() + ")");

		SplittableRandom random = new SplittableRandom(42);
		LyricsEncoder encoder = new LyricsEncoder(GenreModels.LYRICS_SPEC);
		String verse = "baby I love you tonight, 우리 오늘 밤 하늘 아래 사랑해 summer dream forever never cry ";
		mels = new ArrayList<>(batch);
		lyrics = new ArrayList<>(batch);
		for (int i = 0; i < batch; i++) {
			float[] values = new float[GenreModels.AUDIO_SPEC.bands() * GenreModels.AUDIO_FRAMES];
			for (int j = 0; j < values.length; j++) {
				values[j] = (float) (3 * random.nextDouble());
			}
			mels.add(new MelSpectrogram(GenreModels.AUDIO_SPEC.id(), GenreModels.AUDIO_SPEC.bands(),
					GenreModels.AUDIO_FRAMES, values));
			// About 300 tokens: a typical song, well inside the 512 the model reads.
			lyrics.add(encoder.encode(verse.repeat(20), pop.vocabulary()));
		}
	}

	@TearDown
	public void close() {
		registry.close();
	}

	@Benchmark
	public List<AudioScore> audioModel() {
		return pop.scoreAudio(mels);
	}

	@Benchmark
	public List<LyricsScore> lyricsModel() {
		return pop.scoreLyrics(lyrics);
	}

	private static Path modelsRoot() {
		String configured = System.getProperty("hitter.benchmark.models");
		if (configured != null) {
			return Path.of(configured);
		}
		return Files.isDirectory(DEFAULT_MODELS.resolve(Genre.POP.name())) ? DEFAULT_MODELS : FIXTURE_MODELS;
	}
}
