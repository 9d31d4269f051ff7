package dev.hitter.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CpuUseTest {

	@Test
	void machineBusyLeavesOutIdleAndIoWait() {
		long[] machine = CpuUse.machine("cpu  2539175 15986 297992 1493035 8373 0 4871 4975 0 0");

		assertThat(machine[0]).isEqualTo(2539175 + 15986 + 297992 + 4871 + 4975);
		assertThat(machine[1]).isEqualTo(2539175 + 15986 + 297992 + 1493035 + 8373 + 4871 + 4975);
	}

	@Test
	void processTicksAreUserPlusSystemTimeEvenWhenTheNameHasSpacesAndParentheses() {
		String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 0 0 20 0 40 0 100 0";

		assertThat(CpuUse.ticks(stat)).isEqualTo(1234 + 567);
	}

	@Test
	void coresAreTicksPerSecondAndOtherIsWhatTheMachineDidBesides() {
		int cores = Runtime.getRuntime().availableProcessors();
		CpuUse.Sample before = new CpuUse.Sample(0, 0, 0, Map.of("gateway", 100L, "generator", 0L));
		// 2 s later: the gateway used 100 ticks (0.5 cores), the generator 50 (0.25); the machine was busy 3/4 of
		// the time.
		CpuUse.Sample after = new CpuUse.Sample(2_000_000_000L, 300, 400, Map.of("gateway", 200L, "generator", 50L));

		Map<String, Double> used = after.coresSince(before);

		assertThat(used.get("gateway")).isCloseTo(0.5, within(1e-9));
		assertThat(used.get("generator")).isCloseTo(0.25, within(1e-9));
		assertThat(used.get("machine")).isCloseTo(0.75 * cores, within(1e-9));
		assertThat(used.get("other")).isCloseTo(Math.max(0, 0.75 * cores - 0.75), within(1e-9));
		assertThat(used).doesNotContainKey("community");
	}
}
