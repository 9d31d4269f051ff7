package dev.hitter.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.trainer.data.MelonDatasetTest;
import dev.hitter.trainer.data.shard.MelShard;

/** {@code --shards}: the mels are packed once, training reads them from the shard, a second run reuses it. */
class TrainCommandShardsTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return TrainCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void melonTrainingBuildsTheShardOnceAndReusesIt(@TempDir Path dir) throws Exception {
		Path data = Files.createDirectories(dir.resolve("melon"));
		Files.writeString(data.resolve("genre_gn_all.json"), "{\"GN0900\": \"POP\"}");
		StringBuilder meta = new StringBuilder("[");
		StringBuilder liked = new StringBuilder();
		for (int id = 1; id <= 60; id++) {
			meta.append(id > 1 ? "," : "").append(String.format("{\"id\": %d, \"song_gn_gnr_basket\": [\"GN0900\"], "
					+ "\"issue_date\": \"%s\"}", id, id <= 30 ? "20150101" : "20160101"));
			boolean hit = id % 5 == 0;
			if (hit) {
				liked.append(liked.length() > 0 ? "," : "").append(id);
			}
			MelonDatasetTest.writeFloat16Mel(data.resolve("arena_mel/0/" + id + ".npy"), 1876, (short) 0x3800,
					hit ? (short) 0x3C00 : (short) 0);
		}
		Files.writeString(data.resolve("song_meta.json"), meta.append("]"));
		Files.writeString(data.resolve("train.json"), "[{\"id\": 1, \"songs\": [" + liked
				+ "], \"like_cnt\": 50}, {\"id\": 2, \"songs\": [1, 2, 3], \"like_cnt\": 0}]");
		Path shards = dir.resolve("shards");
		String[] args = { "melon", "--dataset", data.toString(), "--out", dir.resolve("models").toString(), "--genres",
				"POP", "--epochs", "2", "--lyrics-length", "16", "--shards", shards.toString() };

		assertThat(run(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
		Path piece = shards.resolve("POP/unsplit/part-000.shard");
		assertThat(piece).isRegularFile();
		MelShard shard = MelShard.open(shards.resolve("POP/unsplit"));
		assertThat(shard.size()).isEqualTo(60);
		assertThat(shard.dtype()).isEqualTo("float16");
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("built a mel shard of 60 songs");
		ModelSetLayout layout = new ModelSetLayout(dir.resolve("models"));
		ModelCard audio = ModelFiles.readCard(layout.card(layout.latest(Genre.POP).orElseThrow(), ModelKind.AUDIO));
		assertThat(audio.trainingData().positives()).isEqualTo(12);
		assertThat(audio.test().rocAuc()).isGreaterThan(0.9); // hits' mels differ: the shard fed the real values

		FileTime built = Files.getLastModifiedTime(piece);
		out.reset();
		assertThat(run(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("reusing the mel shard (60 songs, float16");
		assertThat(Files.getLastModifiedTime(piece)).isEqualTo(built);
	}

	@Test
	void shardsMustBeAFolder(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("file"), "x");
		assertThat(run("demo", "--out", dir.resolve("models").toString(), "--shards", file.toString())).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--shards " + file + " is not a folder");
	}
}
