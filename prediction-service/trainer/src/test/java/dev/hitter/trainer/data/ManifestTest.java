package dev.hitter.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyArray;
import dev.hitter.models.Genre;

class ManifestTest {

	@Test
	void readsGoodRowsAndReportsBadOnesWithTheirLines(@TempDir Path dir) throws Exception {
		Files.createDirectories(dir.resolve("mels"));
		Npy.writeFloats(dir.resolve("mels/a.npy"), NpyArray.ofFloats(new float[48 * 1876], 48, 1876));
		Npy.writeFloats(dir.resolve("mels/short.npy"), NpyArray.ofFloats(new float[48 * 100], 48, 100));
		Npy.writeFloats(dir.resolve("mels/wrong.npy"), NpyArray.ofFloats(new float[10 * 20], 10, 20));
		Files.writeString(dir.resolve("b.txt"), "사랑해 baby");
		Files.writeString(dir.resolve("songs.csv"), """
				id,genre,label,popularity,mel,lyrics,lyrics_file,split
				a,pop,1,,mels/a.npy,"la la, ""la""
				second line",,train
				b,BALLAD,0,,mels/short.npy,,b.txt,
				c,ROCK,1,,mels/a.npy,,,
				d,POP,,,mels/a.npy,,,
				e,POP,1,,mels/missing.npy,,,
				f,POP,1,,mels/wrong.npy,,,
				g,POP,0,,mels/a.npy,,,sometimes
				h,POP,1
				a,POP,0,,mels/a.npy,,,
				""");
		Manifest.Contents contents = new Manifest(null).read(dir.resolve("songs.csv"));
		assertThat(contents.songs()).extracting(Song::id).containsExactly("a", "b");
		Song a = contents.songs().get(0);
		assertThat(a.genre()).isEqualTo(Genre.POP);
		assertThat(a.hit()).isTrue();
		assertThat(a.lyrics()).isEqualTo("la la, \"la\"\nsecond line");
		assertThat(a.split()).isEqualTo(Split.TRAIN);
		Song b = contents.songs().get(1);
		assertThat(b.lyrics()).isEqualTo("사랑해 baby");
		assertThat(b.split()).isNull();
		assertThat(b.mel().framesFirst()).hasSize(1876 * 48);
		assertThat(contents.skipped()).isEqualTo(7);
		assertThat(contents.problems()).containsExactly(
				"songs.csv line 5: genre must be POP, BALLAD or DANCE, not 'ROCK'",
				"songs.csv line 6: needs a label or a popularity",
				"songs.csv line 7: file not found: " + dir.resolve("mels/missing.npy"),
				"songs.csv line 8: wrong.npy is not a 48 × n mel: NpyArray[<f4 [10, 20]]",
				"songs.csv line 9: unknown split 'sometimes' (train, validation or test)",
				"songs.csv line 10: 3 fields where the header has 8",
				"songs.csv line 11: id 'a' appears twice");
	}

	@Test
	void labelsByPopularityThresholdFromJsonLines(@TempDir Path dir) throws Exception {
		Npy.writeFloats(dir.resolve("m.npy"), NpyArray.ofFloats(new float[48 * 1876], 48, 1876));
		Files.writeString(dir.resolve("songs.jsonl"), """
				{"id": "x", "genre": "DANCE", "popularity": 91.5, "mel": "m.npy", "lyrics": "dance"}
				{"id": "y", "genre": "DANCE", "popularity": 12, "mel": "m.npy", "split": "test"}
				not json
				""");
		Manifest.Contents contents = new Manifest(50.0).read(dir.resolve("songs.jsonl"));
		assertThat(contents.songs()).extracting(Song::hit).containsExactly(true, false);
		assertThat(contents.songs().get(1).split()).isEqualTo(Split.TEST);
		assertThat(contents.problems()).singleElement().asString().startsWith("songs.jsonl line 3: not valid JSON");
	}
}
