package dev.hitter.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.jtransforms.fft.FloatFFT_1D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.hitter.features.mel.LogMelSpectrogram;
import dev.hitter.features.mel.MelSpec;
import dev.hitter.features.mel.MelSpectrogram;

/** The log-mel (spec melon-v1) of the 30 s segment, on one thread; CatalogueSpeedBenchmark times it against librosa in one run. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Threads(1)
public class LogMelBenchmark {

	private final LogMelSpectrogram melon = new LogMelSpectrogram(MelSpec.MELON_V1);

	private float[] thirtySeconds;

	@Setup
	public void music() {
		// Noise plus a few tones: the FFT and the log cost the same whatever the content.
		SplittableRandom random = new SplittableRandom(42);
		thirtySeconds = new float[30 * 16_000];
		for (int i = 0; i < thirtySeconds.length; i++) {
			double t = i / 16_000.0;
			thirtySeconds[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 1760 * t)
					+ 0.05 * (random.nextDouble() - 0.5));
		}
	}

	private final FloatFFT_1D fft = new FloatFFT_1D(512);

	private final float[] frame = new float[512];

	private final float[] pair = new float[1024];

	@Benchmark
	public MelSpectrogram logMelOfThirtySeconds() {
		return melon.compute(thirtySeconds);
	}

	/**
	 * Only the JTransforms FFTs inside one log-mel: 938 complex FFTs of 512 points, each carrying two frames
	 * (one in the real parts, one in the imaginary parts), as {@code LogMelSpectrogram} does them.
	 */
	@Benchmark
	public float jtransformsFftsOnly() {
		float sum = 0;
		for (int k = 0; k < 938; k++) {
			System.arraycopy(thirtySeconds, k * 510, pair, 0, 1024);
			fft.complexForward(pair);
			sum += pair[3];
		}
		return sum;
	}

	/** The same spectra as 1,876 real FFTs of 512 samples (JTransforms' realForward), one frame each. */
	@Benchmark
	public float jtransformsRealFftsOnly() {
		float sum = 0;
		for (int k = 0; k < 1876; k++) {
			System.arraycopy(thirtySeconds, k * 255, frame, 0, 512);
			fft.realForward(frame);
			sum += frame[3];
		}
		return sum;
	}
}
