package dev.hitter.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

	@Test
	void nearestRankPicksAMeasuredValue() {
		long[] hundred = LongStream.rangeClosed(1, 100).toArray();
		assertThat(LatencyRecorder.nearestRank(hundred, 50)).isEqualTo(50);
		assertThat(LatencyRecorder.nearestRank(hundred, 90)).isEqualTo(90);
		assertThat(LatencyRecorder.nearestRank(hundred, 99)).isEqualTo(99);
		assertThat(LatencyRecorder.nearestRank(hundred, 100)).isEqualTo(100);

		long[] five = { 15, 20, 35, 40, 50 };
		assertThat(LatencyRecorder.nearestRank(five, 30)).isEqualTo(20);
		assertThat(LatencyRecorder.nearestRank(five, 40)).isEqualTo(20);
		assertThat(LatencyRecorder.nearestRank(five, 50)).isEqualTo(35);
		assertThat(LatencyRecorder.nearestRank(five, 99)).isEqualTo(50);
	}

	@Test
	void fewerThanAHundredLatenciesMakeTheMaximumTheP99() {
		LatencyRecorder recorder = new LatencyRecorder();
		for (long millis : new long[] { 300, 100, 200, 900, 400 }) {
			recorder.record(millis * 1_000_000);
		}
		LatencyRecorder.Latencies latencies = recorder.summary();
		assertThat(latencies.count()).isEqualTo(5);
		assertThat(latencies.p50()).isEqualTo(300.0);
		assertThat(latencies.p90()).isEqualTo(900.0);
		assertThat(latencies.p99()).isEqualTo(900.0);
		assertThat(latencies.max()).isEqualTo(900.0);
	}

	@Test
	void recordsFromManyThreadsWithoutLosingOne() throws InterruptedException {
		LatencyRecorder recorder = new LatencyRecorder();
		Thread[] threads = new Thread[8];
		for (int t = 0; t < threads.length; t++) {
			threads[t] = new Thread(() -> {
				for (int i = 1; i <= 1000; i++) {
					recorder.record(i * 1_000_000L);
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(recorder.summary().count()).isEqualTo(8000);
		assertThat(recorder.summary().p50()).isEqualTo(500.0);
	}

	@Test
	void noLatenciesAreReportedAsNoFigures() {
		assertThat(new LatencyRecorder().summary().p50()).isNaN();
		assertThatThrownBy(() -> LatencyRecorder.nearestRank(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
	}
}
