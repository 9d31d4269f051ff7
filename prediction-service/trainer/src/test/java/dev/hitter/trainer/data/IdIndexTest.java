package dev.hitter.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdIndexTest {

	@Test
	void growsPastItsFirstCapacityAndKeepsTheFirstRowOfAnId() {
		IdIndex index = new IdIndex(4);
		for (int i = 0; i < 100_000; i++) {
			assertThat(index.putIfAbsent(i * 7L + (1L << 40), i)).isEqualTo(IdIndex.ABSENT);
		}
		assertThat(index.size()).isEqualTo(100_000);
		assertThat(index.putIfAbsent(7L + (1L << 40), 5)).isEqualTo(1); // already there: the first row answers
		assertThat(index.get(99_999 * 7L + (1L << 40))).isEqualTo(99_999);
		assertThat(index.get(3)).isEqualTo(IdIndex.ABSENT);
		index.set(7L + (1L << 40), -1);
		assertThat(index.get(7L + (1L << 40))).isEqualTo(-1);
		assertThatThrownBy(() -> index.set(3, 1)).isInstanceOf(IllegalStateException.class);
	}
}
