package dev.hitter.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.trainer.data.Song;
import dev.hitter.trainer.data.Split;

class EvaluationSongsTest {

	@TempDir
	Path dir;

	@Test
	void readsTheTestIdsOfTheTrainersSplitRecordOrAPlainList() throws IOException {
		assertThat(EvaluationSongs.recordedTestIds(dir)).isEmpty();
		// As data.SplitRecord writes it beside every trained version.
		Files.writeString(dir.resolve("splits.json"), "{\"strategy\":\"artist\",\"seed\":7,\"dataset\":{\"fingerprint\":\"sha256:ab\"},"
				+ "\"leftOut\":{\"reason\":\"none\",\"ids\":[]},\"splits\":{\"train\":{\"songs\":1,\"positives\":0,\"ids\":[\"a\"]},"
				+ "\"validation\":{\"songs\":1,\"positives\":1,\"ids\":[\"b\"]},"
				+ "\"test\":{\"songs\":2,\"positives\":1,\"ids\":[\"c\",\"d\"]}}}");
		assertThat(EvaluationSongs.recordedTestIds(dir)).contains(Set.of("c", "d"));
		assertThat(EvaluationSongs.recordedIds(dir, "train")).contains(Set.of("a"));
		Files.writeString(dir.resolve("splits.json"), "{\"train\":[\"a\"],\"test\":[\"e\"]}");
		assertThat(EvaluationSongs.recordedTestIds(dir)).contains(Set.of("e"));
		Files.writeString(dir.resolve("splits.json"), "{\"train\":[\"a\"]}");
		assertThatThrownBy(() -> EvaluationSongs.recordedTestIds(dir)).hasMessageContaining("no list of test ids");
	}

	@Test
	void aManifestGivesItsGenresSongsOrOnlyTheTestSplit() throws IOException {
		List<Song> read = List.of(song("p1", Genre.POP, Split.TEST), song("p2", Genre.POP, Split.TRAIN),
				song("p3", Genre.POP, null), song("b1", Genre.BALLAD, Split.TEST));
		Path file = dir.resolve("songs.csv");

		EvaluationSongs.Chosen all = EvaluationSongs.manifest(read, file, Genre.POP, false, Optional.empty(),
				Optional.empty());
		assertThat(ids(all)).containsExactly("p1", "p2", "p3");
		assertThat(all.notes()).anyMatch(note -> note.contains("is not known"));
		assertThat(EvaluationSongs.manifest(read, file, Genre.POP, false, Optional.empty(), Optional.of(Set.of("p2")))
			.notes()).anyMatch(note -> note.contains("1 of them are in the version's training split"));
		EvaluationSongs.Chosen marked = EvaluationSongs.manifest(read, file, Genre.POP, true, Optional.empty(),
				Optional.empty());
		assertThat(ids(marked)).containsExactly("p1");
		assertThat(marked.on()).isEqualTo("test split");
		assertThat(marked.notes().get(0)).contains("no splits.json", "split=test");
		EvaluationSongs.Chosen recorded = EvaluationSongs.manifest(read, file, Genre.POP, true,
				Optional.of(Set.of("p3", "b1")), Optional.empty());
		assertThat(ids(recorded)).containsExactly("p3");
		assertThat(EvaluationSongs.manifest(read, file, Genre.POP, false, Optional.empty(), Optional.empty()).on())
			.isEqualTo("manifest songs.csv");
	}

	@Test
	void onlyADemonstrationVersionCanBeRegenerated() {
		ModelCard card = new ModelCard("pop-audio-v1", "v20261207-000000", Genre.POP, dev.hitter.models.ModelKind.AUDIO,
				"SavedModel", "CNN", null, new ModelCard.TrainingData("manifest", "600 songs", 600, 100, "labels",
						new ModelCard.Split(420, 90, 90, "stratified"), 7),
				null, null, null, null, 0, 1, false, null, "use");
		assertThatThrownBy(() -> EvaluationSongs.demonstrationTestSplit(card, Genre.POP, Optional.empty()))
			.hasMessageContaining("source manifest")
			.hasMessageContaining("--manifest");
	}

	private static Song song(String id, Genre genre, Split split) {
		return new Song(id, genre, id.endsWith("1"), null, null, split);
	}

	private static List<String> ids(EvaluationSongs.Chosen chosen) {
		return chosen.songs().stream().map(Song::id).toList();
	}
}
