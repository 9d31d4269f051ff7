package dev.hitter.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.hitter.features.lyrics.LyricsEncoder;
import dev.hitter.features.lyrics.LyricsSpec;

/**
 * Lyrics tokenisation of 1 MB of UTF-8 text (mixed Korean and English, as K-pop lyrics are), fed song by song
 * (about 2 KB each) because one song is what the service and the trainer tokenise at a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
public class LyricsTokensBenchmark {

	private static final String[] KOREAN = { "사랑한다고 말하지 못했던 내 마음을 알아줘", "다시 함께 걸어가자 이제 너와 나",
			"그대여 눈물을 닦아요 오늘 밤은 끝나지 않아", "너를 원해 매일 밤 꿈속에서", "별처럼 빛나는 우리의 시간",
			"멈추지 마 계속 춤을 춰", "기억해 줘 그날의 노래" };

	private static final String[] ENGLISH = { "Baby I want you tonight", "Oh oh oh yeah we're dancing in the dark",
			"Don't let me go, hold me closer", "Every heartbeat sings your name", "Turn it up, feel the bass drop",
			"I'm never gonna stop loving you" };

	private final LyricsEncoder encoder = new LyricsEncoder(LyricsSpec.V1);

	private List<String> songs;

	@Setup
	public void oneMegabyteOfLyrics() {
		SplittableRandom random = new SplittableRandom(11);
		songs = new ArrayList<>();
		int bytes = 0;
		while (bytes < 1_000_000) {
			StringBuilder song = new StringBuilder();
			while (song.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 2_000) {
				String line = random.nextInt(3) == 0 ? ENGLISH[random.nextInt(ENGLISH.length)]
						: KOREAN[random.nextInt(KOREAN.length)];
				song.append(line).append(random.nextInt(4) == 0 ? " (x2)" : "").append('\n');
			}
			String text = song.toString();
			songs.add(text);
			bytes += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		}
	}

	@Benchmark
	public void tokeniseOneMegabyte(Blackhole sink) {
		for (String song : songs) {
			sink.consume(encoder.tokens(song));
		}
	}
}
