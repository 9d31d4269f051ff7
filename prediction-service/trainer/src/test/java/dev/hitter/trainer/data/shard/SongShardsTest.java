package dev.hitter.trainer.data.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.models.Genre;
import dev.hitter.trainer.data.MelSource;
import dev.hitter.trainer.data.Song;
import dev.hitter.trainer.data.Split;
import dev.hitter.trainer.data.SplitRecord;
import dev.hitter.trainer.data.SplitStrategy;
import dev.hitter.trainer.data.TrainingSet;

class SongShardsTest {

	@Test
	void attachedSetKeepsEverythingButWhereTheMelsAreRead(@TempDir Path dir) throws IOException {
		List<Song> songs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Path file = dir.resolve("mel/" + i + ".npy");
			MelonMels.write(file, 1876, MelonMels.randomHalves(48 * 1876, i));
			songs.add(new Song("s" + i, Genre.DANCE, i % 2 == 0, MelSource.npy(file), "la la " + i,
					i < 2 ? Split.TEST : null, List.of("artist-" + i % 3), LocalDate.of(2010 + i, 1, 1)));
		}
		TrainingSet set = new TrainingSet(Genre.DANCE, songs, "melon", "six songs", "rule", false)
			.withSplitStrategy(SplitStrategy.TIME);
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		try (SongShards shards = new SongShards(dir.resolve("shards"), new MelShardWriter(2,
				MelShardWriter.DEFAULT_PIECE_BYTES, new PrintStream(log, true, StandardCharsets.UTF_8)),
				new PrintStream(log, true, StandardCharsets.UTF_8))) {
			TrainingSet attached = shards.attach(set);
			assertThat(attached.splitStrategy()).isEqualTo(SplitStrategy.TIME);
			assertThat(dir.resolve("shards/DANCE/test/part-000.shard")).isRegularFile();
			assertThat(dir.resolve("shards/DANCE/unsplit/part-000.shard")).isRegularFile();
			for (int i = 0; i < songs.size(); i++) {
				Song before = songs.get(i);
				Song after = attached.songs().get(i);
				assertThat(after.withMel(before.mel())).isEqualTo(before); // every field but the mel kept
				assertThat(after.mel()).isNotSameAs(before.mel());
				assertThat(after.mel().framesFirst()).isEqualTo(before.mel().framesFirst());
			}
			// The dataset fingerprint written beside the model does not depend on --shards.
			assertThat(SplitRecord.fingerprint(attached.songs())).isEqualTo(SplitRecord.fingerprint(songs));
		}
	}
}
