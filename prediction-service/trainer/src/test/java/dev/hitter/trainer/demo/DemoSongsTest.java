package dev.hitter.trainer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hitter.models.Genre;
import dev.hitter.trainer.data.Song;

class DemoSongsTest {

	@Test
	void sameSeedGivesTheSameSongs() throws Exception {
		List<Song> first = new DemoSongs(5, 0.03).generate(Genre.BALLAD, 6);
		List<Song> second = new DemoSongs(5, 0.03).generate(Genre.BALLAD, 6);
		for (int i = 0; i < first.size(); i++) {
			assertThat(second.get(i).hit()).isEqualTo(first.get(i).hit());
			assertThat(second.get(i).lyrics()).isEqualTo(first.get(i).lyrics());
			assertThat(second.get(i).mel().framesFirst()).containsExactly(first.get(i).mel().framesFirst());
		}
	}
}
