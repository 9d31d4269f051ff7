package dev.hitter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.hitter.features.audio.AudioDecoder;
import dev.hitter.features.audio.SegmentRule;
import dev.hitter.features.mel.LogMelSpectrogram;
import dev.hitter.features.mel.MelSpec;
import dev.hitter.features.mel.MelSpectrogram;

/**
 * What one upload costs before the models run: a 4-minute 44.1 kHz stereo MP3 (made by the benchmark with
 * FFmpeg's LAME encoder) decoded from 20 s to 50 s, mixed to mono, resampled to 16 kHz, and turned into the
 * melon-v1 log-mel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
public class TrackToMelBenchmark {

	private final AudioDecoder decoder = new AudioDecoder();

	private final LogMelSpectrogram melon = new LogMelSpectrogram(MelSpec.MELON_V1);

	private final SegmentRule rule = SegmentRule.melon();

	private Path mp3;

	@Setup(Level.Trial)
	public void encodeFourMinuteMp3() throws Exception {
		mp3 = SyntheticTrack.mp3(Files.createTempFile("hitter-bench-", ".mp3"), 240);
	}

	@TearDown(Level.Trial)
	public void deleteMp3() throws IOException {
		Files.deleteIfExists(mp3);
	}

	@Benchmark
	public MelSpectrogram decodeResampleAndLogMelOfAFourMinuteMp3() {
		return melon.compute(decoder.decode(mp3, rule).samples());
	}

	@Benchmark
	public float[] decodeAndResampleOnly() {
		return decoder.decode(mp3, rule).samples();
	}
}
