package dev.hitter.benchmarks;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacv.FFmpegFrameRecorder;
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
		mp3 = Files.createTempFile("hitter-bench-", ".mp3");
		int rate = 44_100;
		SplittableRandom random = new SplittableRandom(7);
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(mp3.toFile(), 2)) {
			recorder.setFormat("mp3");
			recorder.setAudioCodec(AV_CODEC_ID_MP3);
			recorder.setSampleRate(rate);
			recorder.setAudioChannels(2);
			recorder.setAudioBitrate(192_000);
			recorder.start();
			float[] block = new float[rate * 2];
			for (int second = 0; second < 240; second++) {
				for (int i = 0; i < rate; i++) {
					double t = second + (double) i / rate;
					double chord = Math.sin(2 * Math.PI * 220 * t) + 0.6 * Math.sin(2 * Math.PI * 277.2 * t)
							+ 0.4 * Math.sin(2 * Math.PI * 329.6 * t);
					double beat = (t * 2 % 1) < 0.05 ? random.nextDouble() - 0.5 : 0;
					block[2 * i] = (float) (0.2 * chord + 0.3 * beat);
					block[2 * i + 1] = (float) (0.2 * chord - 0.3 * beat);
				}
				recorder.recordSamples(rate, 2, FloatBuffer.wrap(block));
			}
			recorder.stop();
		}
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
